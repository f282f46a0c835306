import { randomUUID } from 'node:crypto';
import { hashPassword, IdentityCipher, MILESTONE_ORDER, type DataKey } from '@sahayog/core';
import type { Pool, PoolClient } from 'pg';
import { copyRows, type CopyRow } from './copy';

/** How big a network to generate. */
export interface Scale {
  organisations: number;
  facilities: number;
  bedUnits: number;
  subjects: number;
  referrals: number;
  repatriationCases: number;
  /** SUBMITTED referrals waiting on the few contended units: one per acceptReferral request, with their own subjects. */
  contendedReferrals: number;
}

export const SCALES = {
  /** Issue #8's network: a few minutes to load on two cores. */
  default: {
    organisations: 200,
    facilities: 2_000,
    bedUnits: 6_000,
    subjects: 200_000,
    referrals: 500_000,
    repatriationCases: 20_000,
    contendedReferrals: 20_000,
  },
  /** A smoke check of the whole bench in about a minute. */
  small: {
    organisations: 20,
    facilities: 200,
    bedUnits: 600,
    subjects: 5_000,
    referrals: 10_000,
    repatriationCases: 500,
    contendedReferrals: 2_000,
  },
  /** For tests: a few rows of everything. */
  tiny: {
    organisations: 4,
    facilities: 8,
    bedUnits: 24,
    subjects: 40,
    referrals: 120,
    repatriationCases: 6,
    contendedReferrals: 10,
  },
} satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

export const isScaleName = (name: string): name is ScaleName => Object.hasOwn(SCALES, name);

export const BENCH_PASSWORD = 'bench-network-password';

/** Facilities per district: about the size of the calibration's bed board (120 units). */
const FACILITIES_PER_DISTRICT = 40;
const CONTENDED_UNITS = 4;
/** Subjects of the contended referrals fit the contended units. */
const CONTENDED_SUBJECT_AGE = 15;
const DAY_MS = 86_400_000;

/** What the load scenarios need to know about a generated network: plain data, kept for `--reuse`. */
export interface BenchNetwork {
  label: string;
  organisationIds: string[];
  /** The bed board's district: that of the reading organisation's first facility. */
  district: string;
  contendedUnitIds: string[];
  contendedReferralIds: string[];
}

/**
 * Organisation 0 receives the contended referrals; organisation 1 reads (bed board, inbox, cases); organisation 2
 * changes beds while the bed board is read. An organisation's facilities share a district, and at the default and
 * small scales these three are in three different districts.
 */
export const CONTENDED_ORGANISATION = 0;
export const READING_ORGANISATION = 1;
export const WRITING_ORGANISATION = 2;

/** A seeded generator: the same scale and seed give the same network shape. */
function random(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

const pad = (n: number): string => String(n).padStart(6, '0');
const shortNameOf = (label: string, organisation: number): string => `${label}-${pad(organisation)}`;

/** Every organisation has one account holding every organisation role, all with BENCH_PASSWORD. */
export const benchAccount = (label: string, organisation: number): string =>
  `admin@${shortNameOf(label, organisation).toLowerCase()}.bench.example`;
const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** Every tenth organisation is across the border: the counterparts of repatriation cases. */
const isForeign = (index: number, organisations: number): boolean =>
  index % 10 === 9 || (organisations < 10 && index === organisations - 1);

/** Tables loaded here; their forced row security is lifted for the owner while COPY runs (COPY refuses it). */
const TABLES = [
  'organisation',
  'app_user',
  'membership',
  'facility',
  'bed_unit',
  'subject',
  'referral',
  'referral_event',
  'repatriation_case',
  'milestone',
  'case_document',
];

async function withoutForcedRowSecurity(client: PoolClient, load: () => Promise<void>): Promise<void> {
  for (const table of TABLES) await client.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
  try {
    await load();
  } finally {
    for (const table of TABLES) await client.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  }
}

export interface GenerateOptions {
  scale: Scale;
  /** Identities are sealed with the gateway's own cipher and keys, so it opens them as it would real ones. */
  dataKeys: DataKey[];
  /** Upper-case letters and digits: prefixes codes, short names and e-mails, so that networks can share a database. */
  label: string;
  seed?: number;
  now?: Date;
}

/**
 * Bulk-loads a fictional network into a migrated database with COPY, as the table owner: organisations
 * with one all-roles account each, facilities grouped into districts, bed units, sealed subjects,
 * referrals with their events, repatriation cases with milestones and documents, and a pool of referrals
 * waiting on a few units for the contention scenario.
 */
export async function generateNetwork(pool: Pool, options: GenerateOptions): Promise<BenchNetwork> {
  const { scale, label } = options;
  if (!/^[A-Z0-9]{1,8}$/.test(label)) throw new Error('the label must be 1-8 upper-case letters or digits');
  if (scale.organisations < 2 || scale.facilities < scale.organisations || scale.bedUnits < scale.facilities) {
    throw new Error('a scale needs two organisations or more, a facility per organisation and a unit per facility');
  }
  const rand = random(options.seed ?? 8);
  const now = options.now ?? new Date();
  const cipher = new IdentityCipher(options.dataKeys);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const orgs = scale.organisations;
  const shortName = (i: number): string => shortNameOf(label, i);
  const organisationIds = Array.from({ length: orgs }, () => randomUUID());
  const facilityIds = Array.from({ length: scale.facilities }, () => randomUUID());
  const subjectIds = Array.from({ length: scale.subjects }, () => randomUUID());
  const districts = Math.max(1, Math.ceil(scale.facilities / FACILITIES_PER_DISTRICT));
  const districtOf = (facility: number): string => `${label} District ${(facility % districts) + 1}`;
  const contendedUnitIds = Array.from({ length: CONTENDED_UNITS }, () => randomUUID());
  const contendedReferralIds = Array.from({ length: scale.contendedReferrals }, () => randomUUID());
  const roles = ['ORG_ADMIN', 'CASEWORKER', 'SHELTER_COORDINATOR', 'REPATRIATION_LIAISON'];
  const ago = (days: number): Date => new Date(now.getTime() - days * DAY_MS);

  const client = await pool.connect();
  try {
    await withoutForcedRowSecurity(client, async () => {
      await copyRows(
        client,
        'organisation',
        ['id', 'name', 'short_name', 'kind', 'country', 'region'],
        organisationIds.map((id, i) => {
          const foreign = isForeign(i, orgs);
          const country = foreign ? (i % 20 === 9 ? 'BD' : 'NP') : 'IN';
          return [id, `Bench partner ${label} ${i}`, shortName(i), foreign ? 'FOREIGN_PARTNER' : 'NGO', country, null];
        }),
      );
      const userIds = organisationIds.map(() => randomUUID());
      await copyRows(
        client,
        'app_user',
        ['id', 'email', 'display_name', 'password_hash'],
        userIds.map((id, i) => [id, benchAccount(label, i), `Bench staff ${label} ${i}`, passwordHash]),
      );
      await copyRows(
        client,
        'membership',
        ['organisation_id', 'user_id', 'roles'],
        userIds.map((id, i) => [organisationIds[i]!, id, roles]),
      );
      await copyRows(
        client,
        'facility',
        ['id', 'organisation_id', 'name', 'kind', 'district', 'state', 'country', 'address', 'services'],
        facilityIds.map((id, f) => [
          id,
          organisationIds[f % orgs]!,
          `Bench home ${label} ${f}`,
          f % 3 === 0 ? 'SHELTER_HOME' : 'AFTERCARE_HOME',
          districtOf(f),
          'West Bengal',
          'IN',
          `${f} Fictional Lane`,
          f % 2 ? ['SHELTER', 'COUNSELLING'] : ['SHELTER', 'MEDICAL', 'EDUCATION'],
        ]),
      );
      await copyRows(
        client,
        'bed_unit',
        ['id', 'organisation_id', 'facility_id', 'name', 'sex', 'min_age', 'max_age', 'capacity', 'occupied'],
        [
          ...Array.from({ length: scale.bedUnits }, (_, u): CopyRow => {
            const facility = u % scale.facilities;
            const capacity = 8 + rand(24);
            const minor = (u >> 1) % 2 === 0;
            return [
              randomUUID(),
              organisationIds[facility % orgs]!,
              facilityIds[facility]!,
              `Unit ${Math.floor(u / scale.facilities) + 1}`,
              u % 2 ? 'MALE' : 'FEMALE',
              minor ? 0 : 18,
              minor ? 17 : 60,
              capacity,
              rand(capacity + 1),
            ];
          }),
          // Room for every contended referral: the contention is on the rows, not on the beds.
          ...contendedUnitIds.map((id, i): CopyRow => [
            id,
            organisationIds[CONTENDED_ORGANISATION]!,
            facilityIds[CONTENDED_ORGANISATION]!,
            `Contended unit ${i + 1}`,
            'FEMALE',
            0,
            17,
            scale.contendedReferrals,
            0,
          ]),
        ],
      );

      const contendedSubjectIds = contendedReferralIds.map(() => randomUUID());
      const subjectRow = (id: string, k: number, organisation: number, sex: string, age: number): CopyRow => {
        const sealed = cipher.seal(id, {
          fullName: `Bench Person ${label} ${k}`,
          dateOfBirth: null,
          guardianContact: null,
          homeAddress: null,
        });
        return [
          id,
          organisationIds[organisation]!,
          `${shortName(organisation)}-S-${pad(k)}`,
          sex,
          age,
          isoDate(now),
          isForeign(organisation, orgs) ? 'BD' : 'IN',
          sealed.ciphertext,
          sealed.keyId,
          ago(rand(365)).toISOString(),
        ];
      };
      await copyRows(
        client,
        'subject',
        [
          'id',
          'organisation_id',
          'code',
          'sex',
          'age_estimate',
          'age_estimated_on',
          'nationality',
          'identity_ciphertext',
          'identity_key_id',
          'created_at',
        ],
        (function* () {
          for (let k = 0; k < scale.subjects; k++) {
            yield subjectRow(subjectIds[k]!, k, k % orgs, rand(10) < 7 ? 'FEMALE' : 'MALE', 8 + rand(28));
          }
          for (let i = 0; i < contendedSubjectIds.length; i++) {
            const k = scale.subjects + i;
            yield subjectRow(contendedSubjectIds[i]!, k, 1 + (i % (orgs - 1)), 'FEMALE', CONTENDED_SUBJECT_AGE);
          }
        })(),
      );

      const statuses = ['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'COMPLETED'];
      const facilitiesPerOrganisation = Math.floor(scale.facilities / orgs);
      const referralRow = (id: string, r: number, subject: string, from: number, to: number, status: string) => {
        const createdAt = status === 'SUBMITTED' && to === CONTENDED_ORGANISATION ? ago(1) : ago(1 + rand(365));
        const facility = rand(2) ? to + orgs * rand(facilitiesPerOrganisation) : null;
        return [
          id,
          `${label}-R-${pad(r)}`,
          organisationIds[from]!,
          organisationIds[to]!,
          facility === null ? null : facilityIds[facility]!,
          subject,
          status,
          rand(5) ? 'ROUTINE' : 'URGENT',
          rand(2) ? ['SHELTER'] : ['SHELTER', 'COUNSELLING'],
          'Synthetic referral for load testing; describes no one.',
          status === 'DECLINED' ? 'No place for now.' : null,
          createdAt.toISOString(),
          createdAt.toISOString(),
        ] as CopyRow;
      };
      await copyRows(
        client,
        'referral',
        [
          'id',
          'code',
          'from_organisation_id',
          'to_organisation_id',
          'to_facility_id',
          'subject_id',
          'status',
          'urgency',
          'needs',
          'summary',
          'decline_reason',
          'created_at',
          'updated_at',
        ],
        (function* () {
          for (let r = 0; r < scale.referrals; r++) {
            const subject = rand(scale.subjects);
            const from = subject % orgs;
            const to = (from + 1 + rand(orgs - 1)) % orgs;
            yield referralRow(randomUUID(), r, subjectIds[subject]!, from, to, statuses[rand(statuses.length)]!);
          }
          for (let i = 0; i < contendedReferralIds.length; i++) {
            const from = 1 + (i % (orgs - 1));
            const r = scale.referrals + i;
            yield referralRow(
              contendedReferralIds[i]!,
              r,
              contendedSubjectIds[i]!,
              from,
              CONTENDED_ORGANISATION,
              'SUBMITTED',
            );
          }
        })(),
      );
      // Events follow from the referrals: SUBMITTED by the sender, then the receiver's answer a day later.
      const ours = `${label}-R-%`;
      await client.query(
        `INSERT INTO referral_event (referral_id, at, status, organisation_id)
         SELECT id, created_at, 'SUBMITTED', from_organisation_id FROM referral WHERE code LIKE $1 ORDER BY created_at`,
        [ours],
      );
      await client.query(
        `INSERT INTO referral_event (referral_id, at, status, organisation_id, note)
         SELECT id, created_at + interval '1 day', status, to_organisation_id, decline_reason
           FROM referral WHERE code LIKE $1 AND status <> 'SUBMITTED' ORDER BY created_at`,
        [ours],
      );

      await loadRepatriationCases(client, options, { rand, orgs, organisationIds, subjectIds, shortName, ago });
    });
    // As autovacuum would leave a settled database: statistics, and the visibility map that index-only scans need.
    await client.query('VACUUM ANALYZE');
  } finally {
    client.release();
  }
  return {
    label,
    organisationIds,
    district: districtOf(READING_ORGANISATION),
    contendedUnitIds,
    contendedReferralIds,
  };
}

const DOCUMENTS = [
  ['CWC_ORDER', 'VERIFIED'],
  ['HOME_INVESTIGATION_REPORT', 'RECEIVED'],
  ['TRAVEL_PERMIT', 'REQUESTED'],
] as const;

interface Shared {
  rand: (below: number) => number;
  orgs: number;
  organisationIds: string[];
  subjectIds: string[];
  shortName: (i: number) => string;
  ago: (days: number) => Date;
}

/** Cases of Indian partners, each with a partner across the border, its milestones in order and three documents. */
async function loadRepatriationCases(
  client: PoolClient,
  { scale, label }: GenerateOptions,
  { rand, orgs, organisationIds, subjectIds, ago }: Shared,
): Promise<void> {
  const homes = organisationIds.map((_, i) => i).filter((i) => !isForeign(i, orgs));
  const counterparts = organisationIds.map((_, i) => i).filter((i) => isForeign(i, orgs));
  const subjectsPerOrganisation = Math.floor(scale.subjects / orgs);
  const cases = Math.min(scale.repatriationCases, homes.length * subjectsPerOrganisation);
  const milestones: CopyRow[] = [];
  const documents: CopyRow[] = [];
  const rows: CopyRow[] = [];
  for (let c = 0; c < cases; c++) {
    const id = randomUUID();
    const home = homes[c % homes.length]!;
    const counterpart = counterparts[c % counterparts.length]!;
    // One open case per subject: each case takes the next of its home organisation's subjects.
    const subject = subjectIds[home + orgs * Math.floor(c / homes.length)]!;
    const createdAt = ago(30 + rand(300));
    rows.push([
      id,
      `${label}-C-${pad(c)}`,
      organisationIds[home]!,
      organisationIds[counterpart]!,
      subject,
      'IN_PROGRESS',
      counterpart % 20 === 9 ? 'BD' : 'NP',
      counterpart % 20 === 9 ? 'Petrapole-Benapole' : 'Raxaul-Birgunj',
      createdAt.toISOString(),
      createdAt.toISOString(),
    ]);
    const done = rand(MILESTONE_ORDER.length);
    MILESTONE_ORDER.forEach((kind, position) => {
      const status = position < done ? 'DONE' : position === done ? 'IN_PROGRESS' : 'PENDING';
      const due = new Date(createdAt.getTime() + (position + 1) * 14 * DAY_MS);
      milestones.push([
        id,
        kind,
        position,
        status,
        isoDate(due),
        status === 'DONE' ? due.toISOString() : null,
        createdAt.toISOString(),
      ]);
    });
    for (const [kind, status] of DOCUMENTS) {
      const expires = new Date(createdAt.getTime() + (60 + rand(300)) * DAY_MS);
      documents.push([
        id,
        kind,
        status,
        'Fictional issuing office',
        `REF-${c}`,
        isoDate(expires),
        createdAt.toISOString(),
        createdAt.toISOString(),
      ]);
    }
  }
  await copyRows(
    client,
    'repatriation_case',
    [
      'id',
      'code',
      'home_organisation_id',
      'counterpart_organisation_id',
      'subject_id',
      'status',
      'destination_country',
      'border_point',
      'created_at',
      'updated_at',
    ],
    rows,
  );
  await copyRows(
    client,
    'milestone',
    ['case_id', 'kind', 'position', 'status', 'due_on', 'completed_at', 'updated_at'],
    milestones,
  );
  await copyRows(
    client,
    'case_document',
    ['case_id', 'kind', 'status', 'issuer', 'reference', 'expires_on', 'created_at', 'updated_at'],
    documents,
  );
}
