import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { PubSub } from '@graphql-yoga/subscription';
import {
  asksOnlySignIn,
  BED_BOARD_FIELDS,
  BED_BOARD_TOPICS,
  districtChanged,
  districtsReadBy,
  Role,
  type Actor,
  type DistrictsRead,
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

interface CachedAnswer {
  data: Record<string, unknown>;
  /** The districts whose bed changes drop it; null: any district's. */
  districts: string[] | null;
}

/**
 * Answers of the network-wide bed board and facility list (`BED_BOARD_FIELDS`), per visibility class, per
 * document and variables, so that the hottest read of the network skips execution. A bed change drops the
 * answers that read its district (a board filtered on another district keeps its answer), any other event of
 * `BED_BOARD_TOPICS` drops them all: in this process before the event is published (in the after-commit hook
 * of the change), so no answer here outlives the commit that changed it; from other replicas as Redis
 * delivers their events, so their staleness is bounded by that delivery. Generation counters, moved on by the
 * same events, keep a read that overlapped a change it depends on from being kept. The caller is still signed
 * in and re-read for every request; only the execution is skipped.
 */
export class ResponseCache {
  /** Moved on by every change that may alter any answer. */
  private everything = 0;
  /** Moved on by every bed change: what answers that read every district depend on. */
  private anyDistrict = 0;
  /** Moved on by the bed changes of one district. Bounded by the districts that have facilities. */
  private readonly districtGenerations = new Map<string, number>();
  private readonly answers: LRUCache<string, CachedAnswer>;
  /** Null for a document that asks for more than the bed board. */
  private readonly documents = new WeakMap<DocumentNode, DistrictsRead | null>();

  constructor(maxBytes: number) {
    for (const [type, fields] of Object.entries(BED_BOARD_FIELDS)) {
      for (const field of fields) {
        if (!asksOnlySignIn(type, field)) {
          throw new Error(`${type}.${field} has a permission rule a cached answer would skip: it cannot be cached`);
        }
      }
    }
    this.answers = new LRUCache<string, CachedAnswer>({
      maxSize: maxBytes,
      sizeCalculation: (answer) => JSON.stringify(answer.data).length * HEAP_BYTES_PER_JSON_CHAR,
      ttl: MAX_AGE_MS,
    });
  }

  /** Forgets every answer: for changes no event tells of. */
  invalidate(): void {
    this.everything++;
    this.answers.clear();
  }

  private changed(topic: string, payload: unknown): void {
    const district = districtChanged(topic, payload);
    if (district === null) return this.invalidate();
    this.anyDistrict++;
    this.districtGenerations.set(district, (this.districtGenerations.get(district) ?? 0) + 1);
    const dropped: string[] = [];
    for (const [key, answer] of this.answers.entries()) {
      if (answer.districts === null || answer.districts.includes(district)) dropped.push(key);
    }
    for (const key of dropped) this.answers.delete(key);
  }

  /** Where the changes an answer depends on have got to: equal before and after a read, none overlapped it. */
  private generationOf(districts: string[] | null): string {
    if (districts === null) return `${this.everything}:${this.anyDistrict}`;
    return `${this.everything}:${districts.map((district) => this.districtGenerations.get(district) ?? 0).join(':')}`;
  }

  /**
   * The pub/sub every change is published on, invalidating this cache before each bed board event leaves
   * this process; and this cache listening on the events of every replica.
   */
  invalidatedBy(pubSub: PubSub<Topics>, eventTarget: EventTarget): PubSub<Topics> {
    const topics: ReadonlySet<string> = new Set(BED_BOARD_TOPICS);
    for (const topic of topics) {
      eventTarget.addEventListener(topic, (event) => this.changed(topic, (event as CustomEvent).detail));
    }
    const publish = ((topic: string, ...payload: unknown[]) => {
      if (topics.has(topic)) this.changed(topic, payload[0]);
      (pubSub.publish as (topic: string, ...payload: unknown[]) => void)(topic, ...payload);
    }) as PubSub<Topics>['publish'];
    return { publish, subscribe: pubSub.subscribe };
  }

  private districtsRead(schema: GraphQLSchema, document: DocumentNode): DistrictsRead | null {
    let read = this.documents.get(document);
    if (read === undefined) {
      read = asksOnlyBedBoardFields(schema, document) ? districtsReadBy(schema, document) : null;
      this.documents.set(document, read);
    }
    return read;
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
          if (!actor || operation.operation !== 'query') return null;
          const districtsRead = this.districtsRead(schema, document);
          if (!districtsRead) return null;
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
              body: { kind: 'single', singleResult: { data: cached.data } },
            };
          }
          const districts = districtsRead(request.variables);
          const generation = this.generationOf(districts);
          contextValue.afterCommit(() => {
            const body = response.body;
            if (generation !== this.generationOf(districts) || body?.kind !== 'single') return;
            const { data, errors } = body.singleResult;
            if (data && !errors?.length) this.answers.set(key, { data, districts });
          });
          return null;
        },
      }),
    };
  }
}
