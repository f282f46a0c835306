import { generateDataKey } from '@sahayog/core';
import { TestGateway } from '@sahayog/testing';
import { Pool } from 'pg';
import { BENCH_PASSWORD, benchAccount, generateNetwork, SCALES, type BenchNetwork, type Scale } from '../network';
import { SCENARIOS } from '../scenarios';

/**
 * The bench's scenarios cost a fixed number of SQL statements, whatever the size of the network: a loader
 * that falls back to one query per row, or a list that loses its batching, shows here as a count that
 * grows with the data, long before anyone runs the bench.
 */
describe('SQL statements per bench scenario', () => {
  const dataKeys = [generateDataKey('bench1')];
  let t: TestGateway;
  let pool: Pool;

  beforeAll(async () => {
    t = await TestGateway.start({ dataKeys });
    pool = new Pool({ connectionString: (t.dataSource.options as { url: string }).url, max: 2 });
  });

  afterAll(async () => {
    await pool.end();
    await t.close();
  });

  /** The same organisations with more of everything they hold: longer lists, fuller bed boards. */
  const times = (scale: Scale, factor: number): Scale => ({
    ...(Object.fromEntries(Object.entries(scale).map(([key, value]) => [key, value * factor])) as unknown as Scale),
    organisations: scale.organisations,
  });

  async function statementsPerScenario(network: BenchNetwork): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const scenario of SCENARIOS) {
      const client = await t.signIn(benchAccount(network.label, scenario.organisation), BENCH_PASSWORD);
      const response = await client.request(scenario.query, scenario.variables(network, 0));
      expect(response.errors).toBeUndefined();
      counts[scenario.name] = response.extensions?.['sqlStatements'] as number;
    }
    return counts;
  }

  it('is the same when every organisation holds four times as much', async () => {
    const small = await generateNetwork(pool, { scale: SCALES.tiny, dataKeys, label: 'SMALL' });
    const large = await generateNetwork(pool, { scale: times(SCALES.tiny, 4), dataKeys, label: 'LARGE' });

    const onSmall = await statementsPerScenario(small);
    const onLarge = await statementsPerScenario(large);

    expect(Object.keys(onSmall)).toEqual(SCENARIOS.map((scenario) => scenario.name));
    for (const count of Object.values(onSmall)) expect(count).toBeGreaterThan(0);
    expect(onLarge).toEqual(onSmall);
  });
});
