import { UnauthenticatedError, type RequestContext } from '@sahayog/core';
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  parse,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { bearerToken, type ContextFactory } from './request-context';

interface Connection {
  token: string | undefined;
  clientAddress: string;
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

function mapAsync<T, U>(source: AsyncIterable<T>, map: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    async next() {
      const step = await iterator.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function formatResult(result: ExecutionResult, formatError: FormatError): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => formatError(error.toJSON(), error));
  return { ...result, errors: errors as unknown as GraphQLError[] };
}

/** Runs one execution in its own context, committing what it read (audit entries) when it succeeded. */
async function runIn(ctx: RequestContext, work: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
  try {
    const result = await work();
    if (result.errors?.length) await ctx.unitOfWork.rollback();
    else await ctx.unitOfWork.commit();
    return result;
  } catch (error) {
    await ctx.unitOfWork.rollback();
    throw error;
  }
}

/**
 * graphql-ws options in which every subscription event is resolved like an HTTP request of its own: a
 * fresh context, actor re-read, its own transaction. A long-lived connection never holds a transaction, and
 * a user disabled mid-subscription stops receiving at the next event.
 */
export function subscriptionServerOptions(
  schema: GraphQLSchema,
  contexts: ContextFactory,
  validationRules: readonly ValidationRule[],
  formatError: FormatError,
): ServerOptions {
  const contextFor = (connection: Connection): Promise<RequestContext> =>
    contexts.create(connection.token, connection.clientAddress);

  return {
    schema,
    context: (ctx): Connection => {
      const params = ctx.connectionParams ?? {};
      const header = params['authorization'] ?? params['Authorization'];
      const request = (ctx.extra as { request?: { socket?: { remoteAddress?: string } } }).request;
      return {
        token: bearerToken(typeof header === 'string' ? header : undefined),
        clientAddress: request?.socket?.remoteAddress ?? 'unknown',
      };
    },
    onSubscribe: async (ctx, _id, payload) => {
      let document;
      try {
        document = parse(payload.query);
      } catch (error) {
        return [error as GraphQLError];
      }
      const errors = validate(schema, document, [...validationRules]);
      if (errors.length)
        return errors.map((e) => new GraphQLError(e.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      const params = ctx.connectionParams ?? {};
      const header = params['authorization'] ?? params['Authorization'];
      const probe = await contexts.create(bearerToken(typeof header === 'string' ? header : undefined), 'ws');
      await probe.unitOfWork.rollback();
      if (!probe.actor) return [new UnauthenticatedError()];
      return undefined;
    },
    onNext: (_ctx, _id, _payload, _args, result) => formatResult(result as ExecutionResult, formatError),
    onError: (_ctx, _id, _payload, errors) =>
      errors.map((error) => formatError(error.toJSON(), error)) as unknown as GraphQLError[],
    execute: async (args: ExecutionArgs) => {
      const ctx = await contextFor(args.contextValue as Connection);
      return runIn(ctx, async () => execute({ ...args, contextValue: ctx }) as Promise<ExecutionResult>);
    },
    subscribe: async (args: ExecutionArgs) => {
      const connection = args.contextValue as Connection;
      const setup = await contextFor(connection);
      let stream: AsyncIterable<unknown> | ExecutionResult;
      try {
        stream = await createSourceEventStream({ ...args, contextValue: setup });
      } finally {
        await setup.unitOfWork.rollback();
      }
      if (!(Symbol.asyncIterator in stream)) return stream;
      return mapAsync(stream, async (payload) => {
        const ctx = await contextFor(connection);
        return runIn(
          ctx,
          async () => execute({ ...args, rootValue: payload, contextValue: ctx }) as Promise<ExecutionResult>,
        );
      });
    },
  };
}
