import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null | readonly string[];
export type CopyRow = readonly CopyValue[];

/** COPY's text format: tab-separated, `\N` for null, backslash escapes, `{a,b}` for a text array. */
function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (Array.isArray(value)) return `{${value.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

function* lines(rows: Iterable<CopyRow>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += row.map(field).join('\t') + '\n';
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Streams rows into a table with COPY; the rows are produced as the server takes them. */
export async function copyRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<CopyRow>,
): Promise<void> {
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines(rows)), sink);
}
