import { IdentityCipher, generateDataKey, rotateIdentityKeys } from '@sahayog/core';
import {
  CREATE_SUBJECT,
  RECORD_CONSENT,
  SUBJECT,
  TestGateway,
  WITHDRAW_CONSENT,
  organisationId,
  registerSubject,
  type GraphQLClient,
  type SubjectView,
} from '@sahayog/testing';

/** Everyone below is invented for this test; no real survivor's data is ever used. */
const TARA = {
  fullName: 'Tara Testcase-Fictional',
  guardianContact: '+91 00000 11111 (fictional aunt, Meena Invented)',
  homeAddress: '7 Imaginary Lane, Nowhere Village, Testpur District',
};

const CODE = /^JKPS-\d{4}-\d{4,}$/;
const MINUTE = 60_000;

let t: TestGateway;
let jkpsCaseworker: GraphQLClient;
let jkpsViewer: GraphQLClient;
let mahimaCaseworker: GraphQLClient;
let newlightCaseworker: GraphQLClient;
let networkAdmin: GraphQLClient;
let jkps: string;
let mahima: string;
let sahayog: string;

beforeAll(async () => {
  t = await TestGateway.start();
  [jkpsCaseworker, jkpsViewer, mahimaCaseworker, newlightCaseworker, networkAdmin] = await Promise.all([
    t.signIn('caseworker@jkps.demo'),
    t.signIn('viewer@jkps.demo'),
    t.signIn('caseworker@mahima.demo'),
    t.signIn('caseworker@newlight.demo'),
    t.signIn('network@sahayog.demo'),
  ]);
  [jkps, mahima, sahayog] = await Promise.all([
    organisationId(t, 'JKPS'),
    organisationId(t, 'MAHIMA'),
    organisationId(t, 'SAHAYOG'),
  ]);
});
afterAll(() => t.close());

const sequenceOf = (code: string): number => Number(code.split('-').at(-1));

/** YYYY-MM-DD of the server's today moved by whole years and days. */
function dateFromToday(years: number, days = 0): string {
  const date = t.clock.now();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function readSubject(client: GraphQLClient, id: string): Promise<SubjectView> {
  return (await client.data<{ subject: SubjectView }>(SUBJECT, { id })).subject;
}

async function subjectErrorCode(client: GraphQLClient, id: string): Promise<unknown> {
  return (await client.error(SUBJECT, { id })).extensions?.['code'];
}

async function consent(subjectId: string, input: Record<string, unknown> = {}): Promise<string> {
  const { recordConsent } = await jkpsCaseworker.data<{ recordConsent: { id: string } }>(RECORD_CONSENT, {
    input: { subjectId, grantedToOrganisationId: mahima, purpose: 'REFERRAL', givenBy: 'GUARDIAN', ...input },
  });
  return recordConsent.id;
}

interface AuditRow {
  action: string;
  entity_type: string;
  entity_id: string;
  organisation_id: string;
  detail: Record<string, unknown>;
  row: string;
}

function identityReads(subjectId: string): Promise<AuditRow[]> {
  return t.sql<AuditRow>(
    `SELECT a.action, a.entity_type, a.entity_id, a.organisation_id, a.detail, a::text AS row
       FROM audit_event a WHERE a.action = 'READ_IDENTITY' AND a.entity_id = $1 ORDER BY a.id`,
    [subjectId],
  );
}

describe('registering a subject', () => {
  it('gives each subject a unique, sequential pseudonym of its organisation, also under 10 concurrent calls', async () => {
    const first = await registerSubject(jkpsCaseworker);
    const second = await registerSubject(jkpsCaseworker, { fullName: 'Bina Demo-Fictional' });
    expect(first.code).toMatch(CODE);
    expect(second.code).toMatch(CODE);
    expect(first.code.startsWith(`JKPS-${t.clock.now().getUTCFullYear()}-`)).toBe(true);
    expect(sequenceOf(second.code)).toBe(sequenceOf(first.code) + 1);
    expect(first.organisation).toEqual({ shortName: 'JKPS' });

    const concurrent = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        registerSubject(jkpsCaseworker, { fullName: `Concurrent Demo-Fictional ${index}` }),
      ),
    );
    const codes = concurrent.map((subject) => subject.code);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(CODE);
    const numbers = codes.map(sequenceOf).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, index) => sequenceOf(second.code) + 1 + index));

    // Another organisation counts on its own sequence.
    const mahimaSubject = await registerSubject(mahimaCaseworker, { fullName: 'Lata Demo-Fictional' });
    expect(mahimaSubject.code).toMatch(/^MAHIMA-\d{4}-\d{4,}$/);

    const [stored] = await t.sql<{ rows: string; codes: string }>(
      `SELECT count(*) AS rows, count(DISTINCT code) AS codes FROM subject WHERE organisation_id = $1`,
      [jkps],
    );
    expect(stored).toEqual({ rows: '12', codes: '12' });
  });

  it('stores no plaintext of the identity, only a sealed value and the id of its key', async () => {
    const subject = await registerSubject(jkpsCaseworker, { ...TARA, age: 9 });
    expect(subject.identity).toEqual({ ...TARA, dateOfBirth: null });

    const [row] = await t.sql<{ row: string; identity_key_id: string; identity_ciphertext: string }>(
      `SELECT s::text AS row, s.identity_key_id, s.identity_ciphertext FROM subject s WHERE s.id = $1`,
      [subject.id],
    );
    if (!row) throw new Error('subject row missing');
    expect(row.identity_key_id).toBe('test1');
    expect(row.identity_ciphertext).toMatch(/^v1\./);
    for (const secret of [
      TARA.fullName,
      TARA.guardianContact,
      TARA.homeAddress,
      'Testcase-Fictional',
      'Meena Invented',
      'Imaginary Lane',
    ]) {
      expect(row.row).not.toContain(secret);
    }
    // Nor does the audit log, written in the same transaction, carry any of it.
    const [audit] = await t.sql<{ text: string }>(`SELECT string_agg(a::text, '|') AS text FROM audit_event a`);
    for (const secret of [TARA.fullName, TARA.guardianContact, TARA.homeAddress]) {
      expect(audit?.text).not.toContain(secret);
    }
  });

  it('refuses a blank full name and writes nothing', async () => {
    const before = await t.snapshot();
    const error = await jkpsCaseworker.error(CREATE_SUBJECT, {
      input: { sex: 'FEMALE', age: 10, nationality: 'IN', fullName: '   ' },
    });
    expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error.extensions?.['fields']).toEqual(['input.fullName']);
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('age and isMinor', () => {
  it('takes the age from an estimate', async () => {
    const subject = await registerSubject(jkpsCaseworker, { age: 10 });
    expect(subject).toMatchObject({ age: 10, isMinor: true });
    expect(await readSubject(jkpsCaseworker, subject.id)).toMatchObject({ age: 10, isMinor: true });
  });

  it('derives the age from a date of birth, which stays sealed in the identity', async () => {
    const dateOfBirth = dateFromToday(-12, -30);
    const subject = await registerSubject(jkpsCaseworker, { age: null, dateOfBirth });
    expect(subject).toMatchObject({ age: 12, isMinor: true });
    expect(subject.identity?.dateOfBirth).toBe(dateOfBirth);
    expect(await readSubject(jkpsCaseworker, subject.id)).toMatchObject({ age: 12, isMinor: true });

    const [row] = await t.sql<{ age_estimate: number | null; row: string }>(
      `SELECT s.age_estimate, s::text AS row FROM subject s WHERE s.id = $1`,
      [subject.id],
    );
    expect(row?.age_estimate).toBeNull();
    expect(row?.row).not.toContain(dateOfBirth);

    // An age that agrees with the date of birth is accepted.
    const consistent = await registerSubject(jkpsCaseworker, { age: 12, dateOfBirth });
    expect(consistent).toMatchObject({ age: 12, isMinor: true });
  });

  it('treats an unknown age as a minor', async () => {
    const subject = await registerSubject(jkpsCaseworker, { age: null });
    expect(subject).toMatchObject({ age: null, isMinor: true });
  });

  it('does not treat an adult of 25 as a minor', async () => {
    const subject = await registerSubject(jkpsCaseworker, { age: 25, fullName: 'Kamala Demo-Fictional' });
    expect(subject).toMatchObject({ age: 25, isMinor: false });
  });

  it.each([
    {
      name: 'a date of birth in the future',
      input: () => ({ dateOfBirth: dateFromToday(0, 3) }),
      field: 'input.dateOfBirth',
    },
    {
      name: 'an age that does not match the date of birth',
      input: () => ({ dateOfBirth: dateFromToday(-12, -30), age: 14 }),
      field: 'input.age',
    },
  ])('refuses $name and writes nothing', async ({ input, field }) => {
    const before = await t.snapshot();
    const error = await jkpsCaseworker.error(CREATE_SUBJECT, {
      input: { sex: 'FEMALE', age: null, nationality: 'IN', fullName: 'Refused Demo-Fictional', ...input() },
    });
    expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error.extensions?.['fields']).toEqual([field]);
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('who sees a subject and its identity', () => {
  it('shows the identity to the owner and audits the read by field name; another organisation gets NOT_FOUND', async () => {
    const subject = await registerSubject(jkpsCaseworker, TARA);
    const readsBefore = await identityReads(subject.id);

    const seen = await readSubject(jkpsCaseworker, subject.id);
    expect(seen.identity).toEqual({ ...TARA, dateOfBirth: null });

    const reads = await identityReads(subject.id);
    expect(reads).toHaveLength(readsBefore.length + 1);
    const read = reads.at(-1) as AuditRow;
    expect(read).toMatchObject({
      action: 'READ_IDENTITY',
      entity_type: 'Subject',
      entity_id: subject.id,
      organisation_id: jkps,
      detail: { fields: ['fullName', 'guardianContact', 'homeAddress'], basis: 'OWNER' },
    });
    for (const secret of [TARA.fullName, TARA.guardianContact, TARA.homeAddress]) {
      expect(read.row).not.toContain(secret);
    }

    // Nothing links Mahima to this subject: it looks exactly like one that does not exist, and writes nothing.
    const before = await t.snapshot();
    const hidden = await mahimaCaseworker.error(SUBJECT, { id: subject.id });
    const missing = await mahimaCaseworker.error(SUBJECT, { id: '00000000-0000-4000-8000-000000000000' });
    expect(hidden.extensions?.['code']).toBe('NOT_FOUND');
    expect(hidden).toEqual(missing);
    expect(await t.snapshot()).toEqual(before);
  });

  it('opens the identity to Mahima under a REFERRAL consent, and closes it on the very next request after withdrawal', async () => {
    const subject = await registerSubject(jkpsCaseworker, { ...TARA, age: 11 });
    expect(await subjectErrorCode(mahimaCaseworker, subject.id)).toBe('NOT_FOUND');

    const { recordConsent } = await jkpsCaseworker.data<{
      recordConsent: { id: string; purpose: string; givenBy: string; withdrawnAt: null; grantedTo: object };
    }>(RECORD_CONSENT, {
      input: { subjectId: subject.id, grantedToOrganisationId: mahima, purpose: 'REFERRAL', givenBy: 'GUARDIAN' },
    });
    expect(recordConsent).toMatchObject({
      purpose: 'REFERRAL',
      givenBy: 'GUARDIAN',
      withdrawnAt: null,
      grantedTo: { shortName: 'MAHIMA' },
    });

    const seen = await readSubject(mahimaCaseworker, subject.id);
    expect(seen).toMatchObject({ code: subject.code, organisation: { shortName: 'JKPS' }, age: 11, isMinor: true });
    expect(seen.identity).toEqual({ ...TARA, dateOfBirth: null });
    const read = (await identityReads(subject.id)).at(-1);
    expect(read).toMatchObject({ organisation_id: mahima, detail: { basis: 'CONSENT' } });
    expect(read?.row).not.toContain(TARA.fullName);

    // The consent names Mahima, not the whole network.
    expect(await subjectErrorCode(newlightCaseworker, subject.id)).toBe('NOT_FOUND');

    await jkpsCaseworker.data(WITHDRAW_CONSENT, { id: recordConsent.id });
    expect(await subjectErrorCode(mahimaCaseworker, subject.id)).toBe('NOT_FOUND');
    // The owner still sees everything.
    expect((await readSubject(jkpsCaseworker, subject.id)).identity?.fullName).toBe(TARA.fullName);
  });

  it('stops a consent working once its expiry has passed on the server clock', async () => {
    const subject = await registerSubject(jkpsCaseworker, { ...TARA, age: 13 });
    await consent(subject.id, { expiresAt: new Date(t.clock.now().getTime() + 5 * MINUTE).toISOString() });
    expect((await readSubject(mahimaCaseworker, subject.id)).identity?.fullName).toBe(TARA.fullName);

    t.clock.advance(6 * MINUTE);
    expect(await subjectErrorCode(mahimaCaseworker, subject.id)).toBe('NOT_FOUND');
    expect((await readSubject(jkpsCaseworker, subject.id)).identity?.fullName).toBe(TARA.fullName);
  });

  it('lets a DATA_MANAGEMENT consent show the subject to Mahima, but not its identity', async () => {
    const subject = await registerSubject(jkpsCaseworker, { ...TARA, age: 14 });
    await consent(subject.id, { purpose: 'DATA_MANAGEMENT' });

    const seen = await readSubject(mahimaCaseworker, subject.id);
    expect(seen).toMatchObject({ id: subject.id, code: subject.code, age: 14, identity: null });
    const reads = await identityReads(subject.id);
    expect(reads.filter((read) => read.organisation_id === mahima)).toEqual([]);
    expect(await subjectErrorCode(newlightCaseworker, subject.id)).toBe('NOT_FOUND');
  });

  it('never shows the identity to the network administrator, even under a REFERRAL consent', async () => {
    const subject = await registerSubject(jkpsCaseworker, { ...TARA, age: 15 });
    expect(await subjectErrorCode(networkAdmin, subject.id)).toBe('NOT_FOUND');

    await consent(subject.id, { grantedToOrganisationId: sahayog });
    await consent(subject.id, { grantedToOrganisationId: mahima });
    const seen = await readSubject(networkAdmin, subject.id);
    expect(seen).toMatchObject({ id: subject.id, identity: null });
    expect((await readSubject(mahimaCaseworker, subject.id)).identity?.fullName).toBe(TARA.fullName);

    const reads = await identityReads(subject.id);
    expect(reads.filter((read) => read.organisation_id === sahayog)).toEqual([]);
  });
});

describe('refused consents write nothing', () => {
  let minor: SubjectView;
  let unknownAge: SubjectView;
  let withdrawn: string;
  let live: string;

  beforeAll(async () => {
    minor = await registerSubject(jkpsCaseworker, { fullName: 'Puja Demo-Fictional', age: 10 });
    unknownAge = await registerSubject(jkpsCaseworker, { fullName: 'Anjali Demo-Fictional', age: null });
    withdrawn = await consent(minor.id);
    await jkpsCaseworker.data(WITHDRAW_CONSENT, { id: withdrawn });
    live = await consent(minor.id, { purpose: 'DATA_MANAGEMENT' });
  });

  interface Refusal {
    name: string;
    as: () => GraphQLClient;
    query: string;
    variables: () => Record<string, unknown>;
    code: string;
    fields?: string[];
    status?: string;
  }
  const recording = (input: Record<string, unknown>) => ({
    input: { subjectId: minor.id, grantedToOrganisationId: mahima, purpose: 'REFERRAL', givenBy: 'GUARDIAN', ...input },
  });
  const refusals: Refusal[] = [
    {
      name: "a minor's consent given by the subject alone",
      as: () => jkpsCaseworker,
      query: RECORD_CONSENT,
      variables: () => recording({ givenBy: 'SUBJECT' }),
      code: 'BAD_USER_INPUT',
      fields: ['input.givenBy'],
    },
    {
      name: 'a consent given by a subject of unknown age',
      as: () => jkpsCaseworker,
      query: RECORD_CONSENT,
      variables: () => recording({ subjectId: unknownAge.id, givenBy: 'SUBJECT' }),
      code: 'BAD_USER_INPUT',
      fields: ['input.givenBy'],
    },
    {
      name: "a consent to the subject's own organisation",
      as: () => jkpsCaseworker,
      query: RECORD_CONSENT,
      variables: () => recording({ grantedToOrganisationId: jkps }),
      code: 'BAD_USER_INPUT',
      fields: ['input.grantedToOrganisationId'],
    },
    {
      name: 'a consent that expired yesterday',
      as: () => jkpsCaseworker,
      query: RECORD_CONSENT,
      variables: () => recording({ expiresAt: new Date(t.clock.now().getTime() - 24 * 60 * MINUTE).toISOString() }),
      code: 'BAD_USER_INPUT',
      fields: ['input.expiresAt'],
    },
    {
      name: 'a viewer recording consent (FORBIDDEN)',
      as: () => jkpsViewer,
      query: RECORD_CONSENT,
      variables: () => recording({}),
      code: 'FORBIDDEN',
    },
    {
      name: 'Mahima recording consent on a JKPS subject it cannot see (NOT_FOUND)',
      as: () => mahimaCaseworker,
      query: RECORD_CONSENT,
      variables: () => recording({ subjectId: unknownAge.id }),
      code: 'NOT_FOUND',
    },
    {
      name: 'Mahima recording consent on a JKPS subject it sees under a consent (FORBIDDEN)',
      as: () => mahimaCaseworker,
      query: RECORD_CONSENT,
      variables: () => recording({}),
      code: 'FORBIDDEN',
    },
    {
      name: "Mahima withdrawing JKPS's consent (NOT_FOUND)",
      as: () => mahimaCaseworker,
      query: WITHDRAW_CONSENT,
      variables: () => ({ id: live }),
      code: 'NOT_FOUND',
    },
    {
      name: 'withdrawing a consent twice (INVALID_TRANSITION)',
      as: () => jkpsCaseworker,
      query: WITHDRAW_CONSENT,
      variables: () => ({ id: withdrawn }),
      code: 'INVALID_TRANSITION',
      status: 'WITHDRAWN',
    },
    {
      name: 'a subjectId that is not a UUID',
      as: () => jkpsCaseworker,
      query: RECORD_CONSENT,
      variables: () => recording({ subjectId: "subject-1'; DROP TABLE consent; --" }),
      code: 'BAD_USER_INPUT',
      fields: ['input.subjectId'],
    },
  ];

  it.each(refusals)('$name', async ({ as, query, variables, code, fields, status }) => {
    const before = await t.snapshot();
    const error = await as().error(query, variables());
    expect(error.extensions?.['code']).toBe(code);
    if (fields) expect(error.extensions?.['fields']).toEqual(fields);
    if (status) expect(error.extensions?.['status']).toBe(status);
    expect(JSON.stringify(error)).not.toMatch(/stacktrace|\.ts:\d+/);
    expect(await t.snapshot()).toEqual(before);
  });

  it('accepts an adult consenting for herself', async () => {
    const adult = await registerSubject(jkpsCaseworker, { fullName: 'Sunita Demo-Fictional', age: 22 });
    await consent(adult.id, { givenBy: 'SUBJECT' });
    expect((await readSubject(mahimaCaseworker, adult.id)).identity?.fullName).toBe('Sunita Demo-Fictional');
  });
});

describe('identity key rotation', () => {
  const oldKey = generateDataKey('old');
  const newKey = generateDataKey('new');
  let r: TestGateway;

  beforeAll(async () => {
    r = await TestGateway.start({ dataKeys: [oldKey, newKey] });
  });
  afterAll(() => r.close());

  it('re-seals every identity under the new key while the gateway keeps opening them', async () => {
    const [caseworker, mahimaWorker] = await Promise.all([
      r.signIn('caseworker@jkps.demo'),
      r.signIn('caseworker@mahima.demo'),
    ]);
    const subject = await registerSubject(caseworker, { ...TARA, age: 12 });
    await caseworker.data(RECORD_CONSENT, {
      input: {
        subjectId: subject.id,
        grantedToOrganisationId: await organisationId(r, 'MAHIMA'),
        purpose: 'REFERRAL',
        givenBy: 'CHILD_WELFARE_COMMITTEE',
      },
    });
    const rowOf = async () => {
      const [row] = await r.sql<{ identity_key_id: string; identity_ciphertext: string }>(
        `SELECT identity_key_id, identity_ciphertext FROM subject WHERE id = $1`,
        [subject.id],
      );
      if (!row) throw new Error('subject row missing');
      return row;
    };
    const before = await rowOf();
    expect(before.identity_key_id).toBe('old');
    await registerSubject(caseworker, { fullName: 'Second Demo-Fictional' });
    await registerSubject(caseworker, { fullName: 'Third Demo-Fictional' });

    // In batches of two, so the second batch picks up what the first left.
    expect(await rotateIdentityKeys(r.dataSource, new IdentityCipher([newKey, oldKey]), 2)).toBe(3);
    expect(await r.sql(`SELECT DISTINCT identity_key_id FROM subject`)).toEqual([{ identity_key_id: 'new' }]);

    const after = await rowOf();
    expect(after.identity_key_id).toBe('new');
    expect(after.identity_ciphertext).not.toBe(before.identity_ciphertext);
    // Sealed under the new key alone: the old key no longer opens it, the new one does.
    expect(() =>
      new IdentityCipher([oldKey]).open(subject.id, { ciphertext: after.identity_ciphertext, keyId: 'new' }),
    ).toThrow();
    expect(
      new IdentityCipher([newKey]).open(subject.id, { ciphertext: after.identity_ciphertext, keyId: 'new' }).fullName,
    ).toBe(TARA.fullName);

    // The running gateway holds both keys and still opens it, for the owner and for the consented partner.
    expect((await readSubject(caseworker, subject.id)).identity).toEqual({ ...TARA, dateOfBirth: null });
    expect((await readSubject(mahimaWorker, subject.id)).identity?.fullName).toBe(TARA.fullName);
    expect((await readSubject(mahimaWorker, subject.id)).organisation).toEqual({ shortName: 'JKPS' });

    const rotations = await r.sql(`SELECT action, entity_type, detail FROM audit_event WHERE action = $1`, [
      'IDENTITY_KEYS_ROTATED',
    ]);
    expect(rotations).toEqual([
      { action: 'IDENTITY_KEYS_ROTATED', entity_type: 'Subject', detail: { resealed: 3, keyId: 'new' } },
    ]);

    // A second pass finds nothing left to re-seal.
    expect(await rotateIdentityKeys(r.dataSource, new IdentityCipher([newKey, oldKey]))).toBe(0);
    expect((await rowOf()).identity_ciphertext).toBe(after.identity_ciphertext);
  });
});
