import { TestGateway, unitIn } from '@sahayog/testing';

describe('stopping a gateway', () => {
  it('finishes a request in flight, commits it, and refuses new connections', async () => {
    const t = await TestGateway.start();
    try {
      const coordinator = await t.signIn('coordinator@mahima.demo');
      const unit = await unitIn(t, 'Mahima Umeed');

      // Hold the unit's row, so the coordinator's update is still running when the stop begins.
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`SELECT 1 FROM bed_unit WHERE id = $1 FOR UPDATE`, [unit.id]);

      const inFlight = coordinator.request<{ updateBedUnit: { occupied: number } }>(
        `mutation($id: ID!, $v: Int!) { updateBedUnit(input: { unitId: $id, expectedVersion: $v, occupied: 9 }) { occupied } }`,
        { id: unit.id, v: unit.version },
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stopping = t.gateway.close();
      await new Promise((resolve) => setTimeout(resolve, 100));

      await expect(fetch(t.url, { method: 'POST', body: '{}' })).rejects.toThrow();

      await runner.commitTransaction();
      await runner.release();
      expect((await inFlight).data).toEqual({ updateBedUnit: { occupied: 9 } });
      await stopping;
      expect((await unitIn(t, 'Mahima Umeed')).occupied).toBe(9);
    } finally {
      await t.close();
    }
  });
});
