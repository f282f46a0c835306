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

export class LoaderRegistry {
  private readonly loaders = new Map<LoaderDefinition<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly ctx: RequestContext) {}

  get<K, V>(definition: LoaderDefinition<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(definition as LoaderDefinition<unknown, unknown>);
    if (!loader) {
      const typed = new DataLoader<K, V>((keys) => definition.batch(this.ctx, keys));
      loader = typed as DataLoader<unknown, unknown>;
      this.loaders.set(definition as LoaderDefinition<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
