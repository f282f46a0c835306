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

/** Any constant works; it names the one lock every appender takes. */
const AUDIT_CHAIN_LOCK = 7_240_001;

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
 * advisory lock serialises appenders only for that short moment and the chain never forks.
 */
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last: { hash: string }[] = await manager.query('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
    let prevHash = last[0]?.hash ?? GENESIS_HASH;
    const rows = entries.map((entry) => {
      const hash = hashEntry(prevHash, entry);
      const row = { ...entry, entityId: entry.entityId ?? null, detail: entry.detail ?? {}, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await manager.getRepository(AuditEventEntity).insert(rows);
  }

  async appendAlone(entries: AuditEntry[]): Promise<void> {
    await this.dataSource.transaction((manager) => this.append(manager, entries));
  }
}
