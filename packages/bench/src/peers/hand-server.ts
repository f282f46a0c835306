import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { GENESIS_HASH, hashEntry, SessionTokens, type SessionClaims } from '@sahayog/core';
import { Pool, type QueryResult } from 'pg';

/**
 * The floor for any GraphQL layer on Node: plain `http` and `pg`, answering the bench's operations (by
 * operation name, in the same JSON shape) with the SQL the gateway runs, written by hand: the same token
 * check, actor lookup, row security, visibility conditions, bed guard and audit chain, and nothing more.
 */

const APP_ROLE = 'sahayog_app';
const HOLD_HOURS = 72;
const DAY_MS = 86_400_000;

type Row = Record<string, unknown>;

interface Database {
  query(text: string, values?: unknown[]): Promise<QueryResult<Row>>;
}

interface Request {
  claims: SessionClaims;
  variables: Record<string, unknown>;
  db: Database;
}

const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `hand_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return name;
}

const today = (): string => new Date().toISOString().slice(0, 10);

function ageOf(row: Row): number | null {
  if (row['age_estimate'] === null) return null;
  const estimatedOn = new Date(`${row['age_estimated_on'] as string}T00:00:00Z`);
  const now = new Date();
  let years = now.getUTCFullYear() - estimatedOn.getUTCFullYear();
  const anniversary = Date.UTC(now.getUTCFullYear(), estimatedOn.getUTCMonth(), estimatedOn.getUTCDate());
  if (now.getTime() < anniversary) years -= 1;
  return (row['age_estimate'] as number) + years;
}

async function bedBoard({ claims, variables, db }: Request): Promise<unknown> {
  const { rows } = await db.query(
    `SELECT u.id, u.name, u.sex, u.min_age, u.max_age, u.capacity, u.occupied, u.held, u.version,
            f.id AS f_id, f.name AS f_name, f.kind AS f_kind, f.district AS f_district, f.address AS f_address,
            o.id AS o_id, o.name AS o_name, o.short_name AS o_short_name
       FROM bed_unit u
       JOIN facility f ON f.id = u.facility_id AND f.active
       JOIN organisation o ON o.id = f.organisation_id AND o.active
      WHERE f.lower_district = lower($1) AND u.capacity - u.occupied - u.held > 0
      ORDER BY f.country, f.state, f.district, f.name, u.name`,
    [variables['district']],
  );
  return {
    bedAvailability: rows.map((r: Row) => ({
      id: r['id'],
      name: r['name'],
      sex: r['sex'],
      minAge: r['min_age'],
      maxAge: r['max_age'],
      capacity: r['capacity'],
      occupied: r['occupied'],
      held: r['held'],
      available: Math.max(0, (r['capacity'] as number) - (r['occupied'] as number) - (r['held'] as number)),
      version: r['version'],
      facility: {
        id: r['f_id'],
        name: r['f_name'],
        kind: r['f_kind'],
        district: r['f_district'],
        address: r['o_id'] === claims.organisationId ? r['f_address'] : null,
        organisation: { id: r['o_id'], name: r['o_name'], shortName: r['o_short_name'] },
      },
    })),
  };
}

async function inbox({ claims, db }: Request): Promise<unknown> {
  const me = claims.organisationId;
  const [{ rows: counted }, { rows }] = [
    await db.query(`SELECT count(*)::int AS n FROM referral WHERE to_organisation_id = $1`, [me]),
    await db.query(
      `SELECT r.id, r.code, r.status, r.urgency, r.needs, r.summary, r.created_at,
              s.id AS s_id, s.code AS s_code, s.sex AS s_sex, s.age_estimate, s.age_estimated_on::text,
              s.nationality AS s_nationality,
              fo.id AS fo_id, fo.name AS fo_name, too.id AS to_id, too.name AS to_name,
              f.id AS f_id, f.name AS f_name, f.district AS f_district
         FROM referral r
         JOIN subject s ON s.id = r.subject_id
         JOIN organisation fo ON fo.id = r.from_organisation_id
         JOIN organisation too ON too.id = r.to_organisation_id
         LEFT JOIN facility f ON f.id = r.to_facility_id
        WHERE r.to_organisation_id = $1
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT 51`,
      [me],
    ),
  ];
  const page = rows.slice(0, 50);
  const { rows: events } = await db.query(
    `SELECT id, referral_id, at, status, note FROM referral_event WHERE referral_id = ANY($1) ORDER BY id`,
    [page.map((r: Row) => r['id'])],
  );
  const eventsOf = new Map<unknown, Row[]>();
  for (const e of events as Row[]) {
    const list = eventsOf.get(e['referral_id']) ?? [];
    list.push({ id: String(e['id']), at: e['at'], status: e['status'], note: e['note'] });
    eventsOf.set(e['referral_id'], list);
  }
  const edges = page.map((r: Row) => ({
    cursor: Buffer.from(JSON.stringify([r['created_at'], r['id']])).toString('base64url'),
    node: {
      id: r['id'],
      code: r['code'],
      status: r['status'],
      urgency: r['urgency'],
      needs: r['needs'],
      summary: r['summary'],
      createdAt: r['created_at'],
      subject: { id: r['s_id'], code: r['s_code'], sex: r['s_sex'], age: ageOf(r), nationality: r['s_nationality'] },
      fromOrganisation: { id: r['fo_id'], name: r['fo_name'] },
      toOrganisation: { id: r['to_id'], name: r['to_name'] },
      toFacility: r['f_id'] ? { id: r['f_id'], name: r['f_name'], district: r['f_district'] } : null,
      events: eventsOf.get(r['id']) ?? [],
    },
  }));
  return {
    referrals: {
      totalCount: counted[0]?.n,
      pageInfo: { hasNextPage: rows.length > 50, endCursor: edges.at(-1)?.cursor ?? null },
      edges,
    },
  };
}

async function cases({ claims, db }: Request): Promise<unknown> {
  const { rows } = await db.query(
    `SELECT c.id, c.code, c.status, c.destination_country, c.border_point,
            ho.id AS ho_id, ho.name AS ho_name, co.id AS co_id, co.name AS co_name
       FROM repatriation_case c
       JOIN organisation ho ON ho.id = c.home_organisation_id
       LEFT JOIN organisation co ON co.id = c.counterpart_organisation_id
      WHERE c.home_organisation_id = $1 OR c.counterpart_organisation_id = $1
      ORDER BY c.created_at DESC, c.id DESC`,
    [claims.organisationId],
  );
  const ids = rows.map((r: Row) => r['id']);
  const { rows: milestones } = await db.query(
    `SELECT id, case_id, kind, status, due_on::text FROM milestone WHERE case_id = ANY($1) ORDER BY position`,
    [ids],
  );
  const { rows: documents } = await db.query(
    `SELECT id, case_id, kind, status, expires_on::text FROM case_document WHERE case_id = ANY($1)
      ORDER BY created_at, id`,
    [ids],
  );
  const now = today();
  const soon = new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);
  const byCase = (list: Row[], shape: (row: Row) => Row): Map<unknown, Row[]> => {
    const grouped = new Map<unknown, Row[]>();
    for (const row of list) grouped.set(row['case_id'], [...(grouped.get(row['case_id']) ?? []), shape(row)]);
    return grouped;
  };
  const milestonesOf = byCase(milestones, (m) => ({
    id: m['id'],
    kind: m['kind'],
    status: m['status'],
    dueOn: m['due_on'],
    overdue:
      m['due_on'] !== null &&
      (m['due_on'] as string) < now &&
      !['DONE', 'NOT_APPLICABLE'].includes(m['status'] as string),
  }));
  const documentsOf = byCase(documents, (d) => ({
    id: d['id'],
    kind: d['kind'],
    status: d['status'],
    expiresOn: d['expires_on'],
    expiringSoon: d['expires_on'] !== null && (d['expires_on'] as string) <= soon && d['status'] !== 'EXPIRED',
  }));
  return {
    repatriationCases: rows.map((r: Row) => ({
      id: r['id'],
      code: r['code'],
      status: r['status'],
      destinationCountry: r['destination_country'],
      borderPoint: r['border_point'],
      homeOrganisation: { id: r['ho_id'], name: r['ho_name'] },
      counterpartOrganisation: r['co_id'] ? { id: r['co_id'], name: r['co_name'] } : null,
      milestones: milestonesOf.get(r['id']) ?? [],
      documents: documentsOf.get(r['id']) ?? [],
    })),
  };
}

class Refusal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

async function accept({ claims, variables, db }: Request): Promise<unknown> {
  const me = claims.organisationId;
  const { rows: referrals } = await db.query(
    `SELECT * FROM referral WHERE id = $1 AND (from_organisation_id = $2 OR to_organisation_id = $2) FOR UPDATE`,
    [variables['id'], me],
  );
  const referral = referrals[0] as Row | undefined;
  if (!referral) throw new Refusal('NOT_FOUND');
  if (referral['to_organisation_id'] !== me) throw new Refusal('FORBIDDEN');
  if (referral['status'] !== 'SUBMITTED') throw new Refusal('INVALID_TRANSITION');
  const { rows: units } = await db.query(
    `SELECT u.*, f.active AS facility_active, f.district FROM bed_unit u JOIN facility f ON f.id = u.facility_id
      WHERE u.id = $1 AND u.organisation_id = $2`,
    [variables['unitId'], me],
  );
  const unit = units[0] as Row | undefined;
  if (!unit) throw new Refusal('NOT_FOUND');
  if (!unit['facility_active']) throw new Refusal('BAD_USER_INPUT');
  const { rows: subjects } = await db.query(
    `SELECT sex, age_estimate, age_estimated_on::text FROM subject WHERE id = $1`,
    [referral['subject_id']],
  );
  const subject = subjects[0] as Row;
  const age = ageOf(subject);
  if (
    subject['sex'] !== unit['sex'] ||
    age === null ||
    age < (unit['min_age'] as number) ||
    age > (unit['max_age'] as number)
  ) {
    throw new Refusal('BAD_USER_INPUT');
  }
  const { rows: moved } = await db.query(
    `UPDATE bed_unit SET held = held + 1, version = version + 1, updated_at = now()
      WHERE id = $1 AND capacity - occupied - held >= 1 RETURNING capacity, occupied, held`,
    [unit['id']],
  );
  const after = moved[0] as Row | undefined;
  if (!after) throw new Refusal('NO_CAPACITY');
  const before = { capacity: after['capacity'], occupied: after['occupied'], held: (after['held'] as number) - 1 };
  await db.query(
    `INSERT INTO bed_unit_history (organisation_id, bed_unit_id, at, actor_user_id, reason, before, after, note)
     VALUES ($1, $2, now(), $3, 'HELD', $4, $5, $6)`,
    [me, unit['id'], claims.userId, before, after, `hold for referral ${referral['code'] as string}`],
  );
  const now = new Date();
  const holdExpiresAt = new Date(now.getTime() + HOLD_HOURS * 3_600_000);
  await db.query(
    `UPDATE referral SET status = 'ACCEPTED', held_unit_id = $2, hold_expires_at = $3, updated_at = $4 WHERE id = $1`,
    [referral['id'], unit['id'], holdExpiresAt, now],
  );
  await db.query(
    `INSERT INTO referral_event (referral_id, at, status, actor_user_id, organisation_id) VALUES ($1, $2, 'ACCEPTED', $3, $4)`,
    [referral['id'], now, claims.userId, me],
  );
  const entry = {
    at: now,
    actorUserId: claims.userId,
    organisationId: me,
    action: 'REFERRAL_ACCEPTED',
    entityType: 'Referral',
    entityId: referral['id'] as string,
    detail: { status: 'ACCEPTED' },
  };
  const { rows: tip } = await db.query('SELECT audit_chain_claim() AS hash');
  const prevHash = (tip[0]?.hash as string | null) ?? GENESIS_HASH;
  await db.query(
    `INSERT INTO audit_event (at, actor_user_id, organisation_id, action, entity_type, entity_id, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      now,
      entry.actorUserId,
      me,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.detail,
      prevHash,
      hashEntry(prevHash, entry),
    ],
  );
  return { acceptReferral: { id: referral['id'], status: 'ACCEPTED', holdExpiresAt } };
}

const OPERATIONS: Record<string, (request: Request) => Promise<unknown>> = {
  BedBoard: bedBoard,
  Inbox: inbox,
  Cases: cases,
  AcceptReferral: accept,
};

async function readBody(
  req: IncomingMessage,
): Promise<{ operationName?: string; variables?: Record<string, unknown> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

export function startHandServer(options: {
  databaseUrl: string;
  port: number;
  poolSize: number;
  jwtSecret: Uint8Array;
}) {
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize });
  const tokens = new SessionTokens(options.jwtSecret, 3600);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const operation = OPERATIONS[body.operationName ?? ''];
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const claims = token ? await tokens.verify(token) : null;
    if (!operation || !claims) return send(res, { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    const client = await pool.connect();
    let statements = 0;
    const db: Database = {
      query: (text, values) => {
        statements++;
        // Prepared, as the gateway's hot reads are: parsed and planned once per connection.
        return values ? client.query<Row>({ name: statementName(text), text, values }) : client.query<Row>(text);
      },
    };
    try {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.org_id', $1, true)`, [claims.organisationId]);
      await db.query(`SET LOCAL ROLE ${APP_ROLE}`);
      const { rowCount } = await db.query(
        `SELECT m.roles FROM membership m
           JOIN app_user u ON u.id = m.user_id
           JOIN organisation o ON o.id = m.organisation_id
           JOIN app_session s ON s.id = $3 AND s.user_id = m.user_id AND s.organisation_id = m.organisation_id
          WHERE m.user_id = $1 AND m.organisation_id = $2 AND m.active AND u.active AND o.active AND s.revoked_at IS NULL`,
        [claims.userId, claims.organisationId, claims.sessionId],
      );
      if (!rowCount) throw new Refusal('UNAUTHENTICATED');
      const data = await operation({ claims, variables: body.variables ?? {}, db });
      await db.query('COMMIT');
      send(res, { data, extensions: { sqlStatements: statements } });
    } catch (error) {
      await db.query('ROLLBACK');
      if (!(error instanceof Refusal)) throw error;
      send(res, { data: null, errors: [{ extensions: { code: error.code } }] });
    } finally {
      client.release();
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500).end();
    });
  });
  return new Promise<{ close(): Promise<void> }>((resolve) => {
    server.listen(options.port, '127.0.0.1', () =>
      resolve({
        close: async () => {
          await new Promise((done) => server.close(done));
          await pool.end();
        },
      }),
    );
  });
}
