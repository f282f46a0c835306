import {
  ACCEPT,
  COMPLETE,
  CREATE_REFERRAL,
  RECORD_CONSENT,
  REFERRAL,
  TestGateway,
  facilityId,
  organisationId,
  registerSubject,
  unitIn,
  type GraphQLClient,
  type ReferralView,
} from '@sahayog/testing';

let t: TestGateway;
let jkpsCaseworker: GraphQLClient;
let mahimaCoordinator: GraphQLClient;
let newlightCaseworker: GraphQLClient;
let mahima: string;
let umeed: string;

beforeAll(async () => {
  t = await TestGateway.start();
  [jkpsCaseworker, mahimaCoordinator, newlightCaseworker] = await Promise.all([
    t.signIn('caseworker@jkps.demo'),
    t.signIn('coordinator@mahima.demo'),
    t.signIn('caseworker@newlight.demo'),
  ]);
  mahima = await organisationId(t, 'MAHIMA');
  umeed = await facilityId(t, 'Mahima Umeed');
});
afterAll(() => t.close());

async function refer(input: Record<string, unknown> = {}): Promise<ReferralView> {
  const subject = await registerSubject(jkpsCaseworker);
  const { createReferral } = await jkpsCaseworker.data<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
    input: {
      subjectId: subject.id,
      toOrganisationId: mahima,
      toFacilityId: umeed,
      needs: ['SHELTER', 'COUNSELLING'],
      urgency: 'URGENT',
      summary: 'Girl of ten found at Howrah station; CWC asks for an aftercare placement tonight.',
      ...input,
    },
  });
  return createReferral;
}

describe('a referral from JKPS to Mahima Umeed, start to arrival', () => {
  it('holds a bed on acceptance, occupies it on arrival, and tells only the two organisations', async () => {
    const mahimaWatch = mahimaCoordinator.subscriptions();
    const newlightWatch = newlightCaseworker.subscriptions();
    const query = `subscription { referralUpdated { id code status } }`;
    const mahimaEvents = mahimaWatch.subscribe<{ referralUpdated: { id: string; status: string } }>(query);
    const newlightEvents = newlightWatch.subscribe(query);
    await Promise.all([mahimaWatch.connected(), newlightWatch.connected()]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    try {
      const unitBefore = await unitIn(t, 'Mahima Umeed');
      const subject = await registerSubject(jkpsCaseworker, { fullName: 'Mitali Demo-Fictional', age: 10 });
      const { recordConsent } = await jkpsCaseworker.data<{ recordConsent: { id: string } }>(RECORD_CONSENT, {
        input: {
          subjectId: subject.id,
          grantedToOrganisationId: mahima,
          purpose: 'REFERRAL',
          givenBy: 'CHILD_WELFARE_COMMITTEE',
        },
      });
      const created = await refer({ subjectId: subject.id, consentId: recordConsent.id });
      expect(created).toMatchObject({ status: 'SUBMITTED', heldUnit: null, holdExpiresAt: null });
      expect(created.code).toMatch(/^JKPS-R-\d{4}-\d{4}$/);
      expect(created.events).toEqual([
        {
          status: 'SUBMITTED',
          note: null,
          organisation: { shortName: 'JKPS' },
          actor: { email: 'caseworker@jkps.demo' },
        },
      ]);
      expect((await mahimaEvents.next()).data?.referralUpdated).toMatchObject({ id: created.id, status: 'SUBMITTED' });

      // Mahima sees her identity, because the CWC consented to share it with Mahima.
      const seen = await mahimaCoordinator.data<{ referral: ReferralView }>(REFERRAL, { id: created.id });
      expect(seen.referral.subject.identity?.fullName).toBe('Mitali Demo-Fictional');

      const { acceptReferral } = await mahimaCoordinator.data<{ acceptReferral: ReferralView }>(ACCEPT, {
        id: created.id,
        unitId: unitBefore.id,
      });
      expect(acceptReferral.status).toBe('ACCEPTED');
      expect(acceptReferral.heldUnit).toMatchObject({ id: unitBefore.id, held: unitBefore.held + 1 });
      const holdHours = (new Date(acceptReferral.holdExpiresAt as string).getTime() - Date.now()) / 3_600_000;
      expect(holdHours).toBeGreaterThan(71.9);
      expect(holdHours).toBeLessThanOrEqual(72);
      expect(await unitIn(t, 'Mahima Umeed')).toMatchObject({
        occupied: unitBefore.occupied,
        held: unitBefore.held + 1,
      });
      expect((await mahimaEvents.next()).data?.referralUpdated.status).toBe('ACCEPTED');

      const { completeReferral } = await mahimaCoordinator.data<{ completeReferral: ReferralView }>(COMPLETE, {
        id: created.id,
      });
      expect(completeReferral).toMatchObject({ status: 'COMPLETED', heldUnit: null, holdExpiresAt: null });
      expect(completeReferral.events.map((e) => [e.status, e.organisation.shortName])).toEqual([
        ['SUBMITTED', 'JKPS'],
        ['ACCEPTED', 'MAHIMA'],
        ['COMPLETED', 'MAHIMA'],
      ]);
      expect(await unitIn(t, 'Mahima Umeed')).toMatchObject({
        occupied: unitBefore.occupied + 1,
        held: unitBefore.held,
      });
      expect((await mahimaEvents.next()).data?.referralUpdated.status).toBe('COMPLETED');

      const history = await t.sql<{ reason: string; before: object; after: object }>(
        `SELECT reason, before, after FROM bed_unit_history WHERE bed_unit_id = $1 AND reason IN ('HELD', 'ARRIVED') ORDER BY id`,
        [unitBefore.id],
      );
      expect(history).toEqual([
        {
          reason: 'HELD',
          before: { capacity: unitBefore.capacity, occupied: unitBefore.occupied, held: unitBefore.held },
          after: { capacity: unitBefore.capacity, occupied: unitBefore.occupied, held: unitBefore.held + 1 },
        },
        {
          reason: 'ARRIVED',
          before: { capacity: unitBefore.capacity, occupied: unitBefore.occupied, held: unitBefore.held + 1 },
          after: { capacity: unitBefore.capacity, occupied: unitBefore.occupied + 1, held: unitBefore.held },
        },
      ]);
      const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [
        created.id,
      ]);
      expect(audit.map((a) => a.action)).toEqual(['REFERRAL_SUBMITTED', 'REFERRAL_ACCEPTED', 'REFERRAL_COMPLETED']);

      expect(await newlightEvents.quietFor(300)).toBe(true);
    } finally {
      mahimaEvents.stop();
      newlightEvents.stop();
      await Promise.all([mahimaWatch.close(), newlightWatch.close()]);
    }
  });

  it('publishes every bed change of a hold on bedAvailabilityChanged', async () => {
    const watch = newlightCaseworker.subscriptions();
    const beds = watch.subscribe<{ bedAvailabilityChanged: { id: string; held: number } }>(
      `subscription { bedAvailabilityChanged(district: "Kolkata") { id held } }`,
    );
    await watch.connected();
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      const unit = await unitIn(t, 'Mahima Umeed');
      const referral = await refer();
      await mahimaCoordinator.data(ACCEPT, { id: referral.id, unitId: unit.id });
      expect((await beds.next()).data?.bedAvailabilityChanged).toEqual({ id: unit.id, held: unit.held + 1 });
    } finally {
      beds.stop();
      await watch.close();
    }
  });
});

describe('idempotent creation', () => {
  it('answers a retry with the same referral, and a reused key with other input with CONFLICT', async () => {
    const subject = await registerSubject(jkpsCaseworker);
    const input = {
      subjectId: subject.id,
      toOrganisationId: mahima,
      needs: ['SHELTER'],
      urgency: 'EMERGENCY',
      summary: 'Retry-safe referral from a phone with a poor connection.',
      idempotencyKey: 'jkps-phone-7f3a',
    };
    const attempts = await Promise.all(
      [1, 2, 3].map(() => jkpsCaseworker.data<{ createReferral: ReferralView }>(CREATE_REFERRAL, { input })),
    );
    expect(new Set(attempts.map((a) => a.createReferral.id)).size).toBe(1);
    const rows = await t.sql(`SELECT id FROM referral WHERE idempotency_key = 'jkps-phone-7f3a'`);
    expect(rows).toHaveLength(1);

    const before = await t.snapshot();
    const conflict = await jkpsCaseworker.error(CREATE_REFERRAL, { input: { ...input, urgency: 'ROUTINE' } });
    expect(conflict.extensions?.['code']).toBe('CONFLICT');
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('hold expiry', () => {
  it('expires an unarrived hold after 72 hours and frees the bed, once, however many runs race', async () => {
    const unit = await unitIn(t, 'Mahima Umang');
    const teenager = await registerSubject(jkpsCaseworker, { age: 14 });
    const referral = await refer({ subjectId: teenager.id, toFacilityId: await facilityId(t, 'Mahima Umang') });
    await mahimaCoordinator.data(ACCEPT, { id: referral.id, unitId: unit.id });
    expect((await unitIn(t, 'Mahima Umang')).held).toBe(unit.held + 1);

    t.clock.advance(71 * 3_600_000);
    expect(await t.expireHolds()).toBe(0);

    t.clock.advance(2 * 3_600_000);
    const [{ due }] = (await t.sql(`SELECT count(*)::int AS due FROM referral WHERE status = 'ACCEPTED'`)) as [
      { due: number },
    ];
    const runs = await Promise.all([t.expireHolds(), t.expireHolds(), t.expireHolds()]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(due);
    const expiries = await t.sql(`SELECT 1 FROM referral_event WHERE referral_id = $1 AND status = 'EXPIRED'`, [
      referral.id,
    ]);
    expect(expiries).toHaveLength(1);

    // Access tokens have expired too, 73 hours on: sign in again as a caseworker would.
    const caseworker = await t.signIn('caseworker@jkps.demo');
    const { referral: expired } = await caseworker.data<{ referral: ReferralView }>(REFERRAL, { id: referral.id });
    expect(expired).toMatchObject({ status: 'EXPIRED', heldUnit: null, holdExpiresAt: null });
    expect(expired.events.at(-1)).toMatchObject({
      status: 'EXPIRED',
      actor: null,
      organisation: { shortName: 'MAHIMA' },
    });
    expect((await unitIn(t, 'Mahima Umang')).held).toBe(unit.held);
    expect(await t.expireHolds()).toBe(0);
  });
});
