import { createTestDatabase } from '@sahayog/testing';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../../database/data-source';
import { MAX_PREPARED_TEXTS, UnitOfWork } from '../unit-of-work';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await openDataSource({ url: database.url, poolSize: 1 });
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

describe('prepared reads', () => {
  it('prepare each text once per connection, and past the cap run new texts unprepared, answering the same', async () => {
    const unitOfWork = new UnitOfWork(dataSource, null);
    const texts = Array.from({ length: MAX_PREPARED_TEXTS + 20 }, (_, shape) => `SELECT $1::int + ${shape} AS n`);
    for (const [shape, text] of texts.entries()) {
      // Twice each: the second run reuses the statement the first prepared.
      for (let run = 0; run < 2; run++) {
        expect(await unitOfWork.prepared<{ n: number }>(text, [run])).toEqual([{ n: run + shape }]);
      }
    }
    const [prepared] = await (
      await unitOfWork.manager()
    ).query(`SELECT count(*)::int AS texts FROM pg_prepared_statements WHERE name LIKE 'sahayog\\_%'`);
    expect(prepared).toEqual({ texts: MAX_PREPARED_TEXTS });
    await unitOfWork.rollback();
  });
});
