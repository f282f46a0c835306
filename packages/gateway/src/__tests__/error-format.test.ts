import { GraphQLError } from 'graphql';
import pino from 'pino';
import { ConflictError } from '@sahayog/core';
import { createErrorFormatter } from '../errors';

const silent = pino({ level: 'silent' });

describe('error formatting', () => {
  const bug = new GraphQLError('boom', {
    path: ['me'],
    originalError: new TypeError("Cannot read properties of undefined (reading 'id')"),
  });

  it('hides an unexpected error behind a generic coded message in production', () => {
    const formatted = createErrorFormatter(true, silent)(bug.toJSON(), bug);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).not.toMatch(/Cannot read|undefined/);
  });

  it('keeps the detail for developers outside production', () => {
    const formatted = createErrorFormatter(false, silent)(bug.toJSON(), bug);
    expect(formatted.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(formatted.extensions?.['detail']).toMatch(/Cannot read/);
  });

  it('passes coded errors through with their extensions', () => {
    const conflict = new ConflictError('changed by someone else', { current: { version: 3 } });
    const formatted = createErrorFormatter(true, silent)(conflict.toJSON(), conflict);
    expect(formatted).toMatchObject({
      message: 'changed by someone else',
      extensions: { code: 'CONFLICT', current: { version: 3 } },
    });
  });
});
