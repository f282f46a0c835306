import { DateResolver, DateTimeResolver } from 'graphql-scalars';

export const DateTime = DateTimeResolver;
export const DateOnly = DateResolver;
