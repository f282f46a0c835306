import DataLoader from 'dataloader';
import type { RequestContext } from './request-context';

/**
 * A loader's definition: one batch function answering every key with one query, results in key order,
 * null for keys that do not exist or are not visible. Each request gets its own instance, bound to its
 * transaction, so nothing is cached across requests or organisations.
 */
export interface LoaderDefinition<K, V> {
  readonly name: string;
  batch(ctx: RequestContext, keys: readonly K[]): Promise<V[]>;
}

export function defineLoader<K, V>(
  name: string,
  batch: (ctx: RequestContext, keys: readonly K[]) => Promise<V[]>,
): LoaderDefinition<K, V> {
  return { name, batch };
}

/** Orders rows by the keys asked for; a key without a row answers `missing`. */
export function byKey<K, V, M>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, missing: M): (V | M)[] {
  const found = new Map<K, V>();
  for (const row of rows) found.set(keyOf(row), row);
  return keys.map((key) => (found.has(key) ? (found.get(key) as V) : missing));
}

/** Groups rows under the keys asked for; a key without rows answers an empty list. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * A DataLoader that also answers at once for keys it holds already (primed by a list read, or loaded):
 * a field of each row of a long list, resolved from what the list brought along, then costs no promise.
 */
export class RequestLoader<K, V> extends DataLoader<K, V> {
  private readonly held: Map<K, V>;

  constructor(batch: (keys: readonly K[]) => Promise<V[]>) {
    const held = new Map<K, V>();
    super(async (keys) => {
      const values = await batch(keys);
      keys.forEach((key, index) => {
        const value = values[index] as V;
        if (!(value instanceof Error)) held.set(key, value);
      });
      return values;
    });
    this.held = held;
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    // As DataLoader's own cache: a key primed or loaded before keeps its value.
    const settled = !(value instanceof Error) && !(value instanceof Promise);
    if (settled && !this.held.has(key)) this.held.set(key, value as V);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.held.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.held.clear();
    return super.clearAll();
  }

  /** `map` of the value for `key`: at once when held, else when loaded. */
  mapped<T>(key: K, map: (value: V) => T): T | Promise<T> {
    return this.held.has(key) ? map(this.held.get(key) as V) : this.load(key).then(map);
  }
}

export class LoaderRegistry {
  private readonly loaders = new Map<LoaderDefinition<unknown, unknown>, RequestLoader<unknown, unknown>>();

  constructor(private readonly ctx: RequestContext) {}

  get<K, V>(definition: LoaderDefinition<K, V>): RequestLoader<K, V> {
    let loader = this.loaders.get(definition as LoaderDefinition<unknown, unknown>);
    if (!loader) {
      const typed = new RequestLoader<K, V>((keys) => definition.batch(this.ctx, keys));
      loader = typed as RequestLoader<unknown, unknown>;
      this.loaders.set(definition as LoaderDefinition<unknown, unknown>, loader);
    }
    return loader as RequestLoader<K, V>;
  }
}
