import { AuditLog } from '@sahayog/core';
import { SUBJECT, TestGateway, registerSubject, unitIn, type GraphQLClient } from '@sahayog/testing';

const EVENTS = `query($entityType: String, $entityId: String, $action: String, $first: Int, $before: String) {
  auditEvents(entityType: $entityType, entityId: $entityId, action: $action, first: $first, before: $before) {
    id at action entityType entityId detail hash actor { email } organisation { shortName }
  }
}`;

interface Event {
  id: string;
  action: string;
  entityId: string | null;
  detail: Record<string, unknown>;
  actor: { email: string } | null;
  organisation: { shortName: string } | null;
}

let t: TestGateway;
let jkpsAdmin: GraphQLClient;
let jkpsCaseworker: GraphQLClient;
let mahimaAdmin: GraphQLClient;
let network: GraphQLClient;

beforeAll(async () => {
  t = await TestGateway.start();
  [jkpsAdmin, jkpsCaseworker, mahimaAdmin, network] = await Promise.all([
    t.signIn('admin@jkps.demo'),
    t.signIn('caseworker@jkps.demo'),
    t.signIn('admin@mahima.demo'),
    t.signIn('network@sahayog.demo'),
  ]);
});
afterAll(() => t.close());

const events = async (client: GraphQLClient, variables: Record<string, unknown> = {}): Promise<Event[]> =>
  (await client.data<{ auditEvents: Event[] }>(EVENTS, variables)).auditEvents;

describe('reading the audit log', () => {
  it("shows an organisation admin who read their subjects' identities, and nothing of other organisations", async () => {
    const subject = await registerSubject(jkpsCaseworker, { fullName: 'Tumpa Demo-Fictional' });
    await jkpsCaseworker.data(SUBJECT, { id: subject.id });

    const reads = await events(jkpsAdmin, { action: 'READ_IDENTITY', entityId: subject.id });
    expect(reads).toHaveLength(2); // the read of the createSubject answer, and the query
    expect(reads[0]).toMatchObject({
      action: 'READ_IDENTITY',
      actor: { email: 'caseworker@jkps.demo' },
      organisation: { shortName: 'JKPS' },
      detail: { basis: 'OWNER', fields: ['fullName'] },
    });
    expect(JSON.stringify(await events(jkpsAdmin, { first: 100 }))).not.toContain('Tumpa');

    const seenByMahima = await events(mahimaAdmin, { entityId: subject.id });
    expect(seenByMahima).toEqual([]);
    expect((await events(mahimaAdmin)).every((e) => e.organisation?.shortName === 'MAHIMA')).toBe(true);
  });

  it('shows a network admin every organisation, pages with before, and refuses other roles', async () => {
    const all = await events(network, { first: 100 });
    expect(new Set(all.map((e) => e.organisation?.shortName)).size).toBeGreaterThan(1);
    const page = await events(network, { first: 2 });
    const next = await events(network, { first: 2, before: page[1]?.id });
    expect(Number(next[0]?.id)).toBeLessThan(Number(page[1]?.id));

    const before = await t.snapshot();
    expect((await jkpsCaseworker.error(EVENTS, {})).extensions?.['code']).toBe('FORBIDDEN');
    expect((await jkpsAdmin.error(EVENTS, { before: 'x; drop' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['before'],
    });
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('the tamper-evident chain', () => {
  it('stays one unbroken chain under concurrent writers, and names the first entry changed behind its back', async () => {
    const coordinator = await t.signIn('coordinator@mahima.demo');
    const unit = await unitIn(t, 'Mahima Umang');
    const edits = Array.from({ length: 12 }, (_, i) =>
      coordinator.request(
        `mutation($id: ID!, $v: Int!) { updateBedUnit(input: { unitId: $id, expectedVersion: $v, note: "count ${i}" }) { id } }`,
        {
          id: unit.id,
          v: unit.version,
        },
      ),
    );
    await Promise.all([...edits, ...Array.from({ length: 6 }, () => registerSubject(jkpsCaseworker))]);

    const log = new AuditLog(t.dataSource);
    const intact = await log.verify(7);
    expect(intact.brokenAt).toBeNull();
    const [{ count }] = (await t.sql(`SELECT count(*)::int AS count FROM audit_event`)) as [{ count: number }];
    expect(intact.checked).toBe(count);

    const [victim] = await t.sql<{ id: string }>(`SELECT id FROM audit_event ORDER BY id LIMIT 1 OFFSET 5`);
    await t.sql(`UPDATE audit_event SET action = 'NOTHING_TO_SEE' WHERE id = $1`, [victim?.id]);
    const tampered = await log.verify();
    expect(tampered).toEqual({ checked: 5, brokenAt: { id: victim?.id, reason: 'CONTENT' } });
  });
});
