import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { PubSub } from '@graphql-yoga/subscription';
import {
  asksOnlySignIn,
  BED_BOARD_FIELDS,
  BED_BOARD_TOPICS,
  Role,
  type Actor,
  type RequestContext,
  type Topics,
} from '@sahayog/core';
import { BREAK, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * What a parsed answer takes in memory, roughly, per character of its JSON: the cap is on this estimate, so
 * it bounds the heap the cache holds without measuring objects.
 */
const HEAP_BYTES_PER_JSON_CHAR = 3;

/**
 * A backstop for writes that no gateway publishes (an operator's SQL, the command-line tools): no answer is
 * served longer than this after it was read.
 */
const MAX_AGE_MS = 60_000;

/** Answers may contain other things for the caller's own organisation, and others for network administrators. */
function visibilityClass(actor: Actor): string {
  return actor.roles.has(Role.NETWORK_ADMIN) ? `${actor.organisationId}:network-admin` : actor.organisationId;
}

function asksOnlyBedBoardFields(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let onlyBedBoard = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === '__typename') return undefined;
        const parent = typeInfo.getParentType();
        if (parent && BED_BOARD_FIELDS[parent.name]?.includes(node.name.value)) return undefined;
        onlyBedBoard = false;
        return BREAK;
      },
    }),
  );
  return onlyBedBoard;
}

/**
 * Answers of the network-wide bed board and facility list (`BED_BOARD_FIELDS`), per visibility class, per
 * document and variables, so that the hottest read of the network skips execution. Any event of
 * `BED_BOARD_TOPICS` empties it and moves a generation counter on (so reads in flight are not kept): in this
 * process before the event is published (in the after-commit hook of the change), so no answer here outlives
 * the commit that changed it; from other replicas as Redis delivers their events, so their staleness is
 * bounded by that delivery. The caller is still signed in and re-read for every request; only the execution
 * is skipped.
 */
export class ResponseCache {
  private generation = 0;
  /** Only answers read in the current generation: moving it on empties the cache. */
  private readonly answers: LRUCache<string, Record<string, unknown>>;
  private readonly cacheableDocuments = new WeakMap<DocumentNode, boolean>();

  constructor(maxBytes: number) {
    for (const [type, fields] of Object.entries(BED_BOARD_FIELDS)) {
      for (const field of fields) {
        if (!asksOnlySignIn(type, field)) {
          throw new Error(`${type}.${field} has a permission rule a cached answer would skip: it cannot be cached`);
        }
      }
    }
    this.answers = new LRUCache<string, Record<string, unknown>>({
      maxSize: maxBytes,
      sizeCalculation: (data) => JSON.stringify(data).length * HEAP_BYTES_PER_JSON_CHAR,
      ttl: MAX_AGE_MS,
    });
  }

  invalidate(): void {
    this.generation++;
    this.answers.clear();
  }

  /**
   * The pub/sub every change is published on, invalidating this cache before each bed board event leaves
   * this process; and this cache listening on the events of every replica.
   */
  invalidatedBy(pubSub: PubSub<Topics>, eventTarget: EventTarget): PubSub<Topics> {
    const topics: ReadonlySet<string> = new Set(BED_BOARD_TOPICS);
    for (const topic of topics) eventTarget.addEventListener(topic, () => this.invalidate());
    const publish = ((topic: string, ...payload: unknown[]) => {
      if (topics.has(topic)) this.invalidate();
      (pubSub.publish as (topic: string, ...payload: unknown[]) => void)(topic, ...payload);
    }) as PubSub<Topics>['publish'];
    return { publish, subscribe: pubSub.subscribe };
  }

  private isCacheable(schema: GraphQLSchema, document: DocumentNode): boolean {
    let cacheable = this.cacheableDocuments.get(document);
    if (cacheable === undefined) {
      cacheable = asksOnlyBedBoardFields(schema, document);
      this.cacheableDocuments.set(document, cacheable);
    }
    return cacheable;
  }

  /**
   * Answers a cached query, or keeps a fresh answer once its request has committed. Mutations and every
   * other query pass by untouched; an answer with an error is never kept.
   */
  plugin(): ApolloServerPlugin<RequestContext> {
    return {
      requestDidStart: async () => ({
        responseForOperation: async ({ operation, document, schema, contextValue, queryHash, request, response }) => {
          const actor = contextValue.actor;
          if (!actor || operation.operation !== 'query' || !this.isCacheable(schema, document)) return null;
          const key = [
            visibilityClass(actor),
            queryHash,
            request.operationName ?? '',
            JSON.stringify(request.variables ?? {}),
          ].join('\n');
          const cached = this.answers.get(key);
          if (cached) {
            return {
              http: { status: undefined, headers: new HeaderMap() },
              body: { kind: 'single', singleResult: { data: cached } },
            };
          }
          // A read that overlapped a change (the generation moved on meanwhile) is never kept.
          const generation = this.generation;
          contextValue.afterCommit(() => {
            const body = response.body;
            if (generation !== this.generation || body?.kind !== 'single') return;
            const { data, errors } = body.singleResult;
            if (data && !errors?.length) this.answers.set(key, data);
          });
          return null;
        },
      }),
    };
  }
}
