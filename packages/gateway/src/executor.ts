import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Compiled = CompiledQuery | Awaited<ReturnType<CompiledQuery['query']>>;

/**
 * Executes HTTP operations with graphql-jit: each document is compiled once into a function that walks the
 * answer without graphql-js's per-field bookkeeping, which the bench profile showed as the largest cost of a
 * long list such as the bed board. Resolvers, scalars and the permission layer's wrapped resolvers run exactly
 * as under graphql-js; Apollo still parses and validates (the armour rules included) before this runs.
 * Subscriptions stay on graphql-js (graphql-ws), where each event is one small answer.
 */
export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  // Apollo's document store hands back the same parsed document for the same query text, so a compiled
  // query lives exactly as long as Apollo keeps its document.
  const compiled = new WeakMap<DocumentNode, Map<string | undefined, Compiled>>();
  const compile = (document: DocumentNode, operationName: string | undefined): Compiled => {
    let byOperation = compiled.get(document);
    if (!byOperation) {
      byOperation = new Map();
      compiled.set(document, byOperation);
    }
    let query = byOperation.get(operationName);
    if (!query) {
      // Stack traces of resolver errors are never shown (the error formatter logs the original error).
      query = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      byOperation.set(operationName, query);
    }
    return query;
  };
  return async ({ document, operation, operationName, context, request }) => {
    const variables = request.variables ?? {};
    // graphql-js's coercion first, for its errors: they name the variable's definition, which is how Apollo
    // and the error formatter recognise bad input (graphql-jit's own carry only a location).
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };
    const query = compile(document, operationName ?? undefined);
    if (!isCompiledQuery(query)) return query;
    return query.query(undefined, context, variables);
  };
}

/**
 * Hands Apollo Server the schema with `compiledExecutor`, through the interface Apollo keeps for federated
 * gateways: the one way Apollo Server 5 accepts an executor of one's own.
 */
export function compiledSchemaGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor: compiledExecutor(schema) }),
    stop: async () => undefined,
  };
}
