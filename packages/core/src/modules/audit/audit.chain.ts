import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalJson } from '../../common/canonical-json';
import { AuditEventEntity } from './audit.entity';

export interface AuditEntry {
  at: Date;
  actorUserId: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Ids, field names and counts only: never an identity value. */
  detail?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

export function hashEntry(prevHash: string, entry: AuditEntry): string {
  const content = canonicalJson({
    at: entry.at.toISOString(),
    actorUserId: entry.actorUserId,
    organisationId: entry.organisationId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    detail: entry.detail ?? {},
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/**
 * Appends entries to the hash chain. Callers hold the transaction open until commit right after, so the
 * chain's lock (`audit_chain_claim`) serialises appenders only for that short moment and the chain never forks.
 */
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // The chain's lock and its tip (which row security would hide from an organisation's own transaction).
    const [tip] = (await manager.query('SELECT audit_chain_claim() AS hash')) as { hash: string | null }[];
    let prevHash = tip?.hash ?? GENESIS_HASH;
    const rows = entries.map((entry) => {
      const hash = hashEntry(prevHash, entry);
      const row = { ...entry, entityId: entry.entityId ?? null, detail: entry.detail ?? {}, prevHash, hash };
      prevHash = hash;
      return row;
    });
    // Without RETURNING: the application role may append entries it may not read back (the platform's
    // own, which belong to no organisation).
    await manager.createQueryBuilder().insert().into(AuditEventEntity).values(rows).updateEntity(false).execute();
  }

  /** In a transaction of its own, within the organisation the entries concern (one, or none). */
  async appendAlone(entries: AuditEntry[]): Promise<void> {
    const organisations = new Set(entries.map((entry) => entry.organisationId ?? ''));
    if (organisations.size > 1) throw new Error('entries appended alone concern one organisation');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.org_id', $1, true)`, [[...organisations][0] ?? '']);
      await this.append(manager, entries);
    });
  }

  /**
   * Recomputes the chain from the first entry, in batches, and names the first entry whose content or
   * link no longer matches: an edited, inserted or deleted row breaks the chain there.
   */
  async verify(batchSize = 5000): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let lastId = '0';
    let checked = 0;
    for (;;) {
      const rows: AuditEventEntity[] = await this.dataSource
        .getRepository(AuditEventEntity)
        .createQueryBuilder('a')
        .where('a.id > :lastId', { lastId })
        .orderBy('a.id', 'ASC')
        .limit(batchSize)
        .getMany();
      for (const row of rows) {
        if (row.prevHash !== prevHash) return { checked, brokenAt: { id: row.id, reason: 'LINK' } };
        const entry = { ...row, detail: row.detail as Record<string, unknown> };
        if (hashEntry(prevHash, entry) !== row.hash) return { checked, brokenAt: { id: row.id, reason: 'CONTENT' } };
        prevHash = row.hash;
        lastId = row.id;
        checked++;
      }
      if (rows.length < batchSize) return { checked, brokenAt: null };
    }
  }
}

export interface ChainVerification {
  checked: number;
  /** The first entry that does not match: its content was changed (CONTENT) or its link to the previous one (LINK). */
  brokenAt: { id: string; reason: 'CONTENT' | 'LINK' } | null;
}
