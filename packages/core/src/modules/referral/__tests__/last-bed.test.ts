import {
  ACCEPT,
  CANCEL,
  CREATE_REFERRAL,
  TestGateway,
  organisationId,
  registerSubject,
  unitIn,
  type GraphQLClient,
  type ReferralView,
} from '@sahayog/testing';

const RACERS = 30;
const ROUNDS = 20;

let t: TestGateway;
let jkpsCaseworker: GraphQLClient;
let mahimaClients: GraphQLClient[];

beforeAll(async () => {
  t = await TestGateway.start();
  jkpsCaseworker = await t.signIn('caseworker@jkps.demo');
  // Three Mahima staff racing from their own sessions, as on a busy night.
  mahimaClients = await Promise.all(
    ['coordinator@mahima.demo', 'caseworker@mahima.demo', 'admin@mahima.demo'].map((email) => t.signIn(email)),
  );
});
afterAll(() => t.close());

async function submitReferral(mahima: string): Promise<string> {
  const subject = await registerSubject(jkpsCaseworker, { age: 9 });
  const { createReferral } = await jkpsCaseworker.data<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
    input: {
      subjectId: subject.id,
      toOrganisationId: mahima,
      needs: ['SHELTER'],
      urgency: 'EMERGENCY',
      summary: 'Needs a bed tonight.',
    },
  });
  return createReferral.id;
}

describe('the last bed', () => {
  it(`goes to exactly one of ${RACERS} referrals accepted at once, in each of ${ROUNDS} rounds`, async () => {
    const mahima = await organisationId(t, 'MAHIMA');
    const unit = await unitIn(t, 'Mahima Umeed');
    // Leave exactly one free bed.
    await t.sql(`UPDATE bed_unit SET occupied = capacity - held - 1 WHERE id = $1`, [unit.id]);
    const start = await unitIn(t, 'Mahima Umeed');

    const waiting: string[] = [];
    for (let i = 0; i < RACERS; i++) waiting.push(await submitReferral(mahima));

    for (let round = 0; round < ROUNDS; round++) {
      const results = await Promise.all(
        waiting.map((id, index) =>
          (mahimaClients[index % mahimaClients.length] as GraphQLClient).request<{ acceptReferral: ReferralView }>(
            ACCEPT,
            { id, unitId: unit.id },
          ),
        ),
      );
      const accepted = results.filter((r) => r.data?.acceptReferral?.status === 'ACCEPTED');
      const refused = results.filter((r) => r.errors?.[0]?.extensions?.['code'] === 'NO_CAPACITY');
      expect({ round, accepted: accepted.length, refused: refused.length }).toEqual({
        round,
        accepted: 1,
        refused: RACERS - 1,
      });
      expect(await unitIn(t, 'Mahima Umeed')).toMatchObject({ held: start.held + 1, occupied: start.occupied });
      const states = await t.sql<{ status: string; count: number }>(
        `SELECT status, count(*)::int AS count FROM referral WHERE id = ANY($1) GROUP BY status ORDER BY status`,
        [waiting],
      );
      expect(states).toEqual([
        { status: 'ACCEPTED', count: 1 },
        { status: 'SUBMITTED', count: RACERS - 1 },
      ]);

      // Free the bed again for the next round, and put a fresh referral in the winner's place.
      const winner = (accepted[0]?.data?.acceptReferral as ReferralView).id;
      await jkpsCaseworker.data(CANCEL, { id: winner, reason: 'The family came forward; placement no longer needed.' });
      waiting.splice(waiting.indexOf(winner), 1, await submitReferral(mahima));
      expect(await unitIn(t, 'Mahima Umeed')).toMatchObject({ held: start.held, occupied: start.occupied });
    }

    // Every refused attempt left nothing behind: one hold and one release per round.
    const history = await t.sql<{ reason: string; count: number }>(
      `SELECT reason, count(*)::int AS count FROM bed_unit_history WHERE bed_unit_id = $1 AND reason IN ('HELD', 'RELEASED')
        GROUP BY reason ORDER BY reason`,
      [unit.id],
    );
    expect(history).toEqual([
      { reason: 'HELD', count: ROUNDS },
      { reason: 'RELEASED', count: ROUNDS },
    ]);
  });
});
