import type { DataSource } from 'typeorm';
import { AuditLog } from '../modules/audit/audit.chain';
import type { IdentityCipher } from '../modules/subject/identity-cipher';

/**
 * Re-seals every identity not yet under the cipher's current key, in small transactions, while the
 * gateways keep serving: they hold the old key too and open values sealed under either. Rows a request
 * holds locked are skipped and picked up by the next pass.
 */
export async function rotateIdentityKeys(
  dataSource: DataSource,
  cipher: IdentityCipher,
  batchSize = 200,
): Promise<number> {
  let total = 0;
  for (;;) {
    const resealed = await dataSource.transaction(async (manager) => {
      const rows: { id: string; identity_ciphertext: string; identity_key_id: string }[] = await manager.query(
        `SELECT id, identity_ciphertext, identity_key_id FROM subject
          WHERE identity_key_id <> $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [cipher.currentKeyId, batchSize],
      );
      for (const row of rows) {
        const sealed = cipher.reseal(row.id, { ciphertext: row.identity_ciphertext, keyId: row.identity_key_id });
        await manager.query(`UPDATE subject SET identity_ciphertext = $2, identity_key_id = $3 WHERE id = $1`, [
          row.id,
          sealed.ciphertext,
          sealed.keyId,
        ]);
      }
      return rows.length;
    });
    total += resealed;
    if (resealed < batchSize) break;
  }
  await new AuditLog(dataSource).appendAlone([
    {
      at: new Date(),
      actorUserId: null,
      organisationId: null,
      action: 'IDENTITY_KEYS_ROTATED',
      entityType: 'Subject',
      detail: { resealed: total, keyId: cipher.currentKeyId },
    },
  ]);
  return total;
}
