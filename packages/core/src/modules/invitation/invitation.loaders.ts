import { byKey, defineLoader } from '../../context/loaders';

export interface OpenInvitation {
  userId: string;
  organisationId: string;
  expiresAt: Date;
}

/**
 * Keyed by `userId:organisationId`: the latest invitation of a member who has no password yet, null once
 * they have one. "Latest" is the one expiring last: a reissue expires the earlier ones at once.
 */
export const openInvitationByMember = defineLoader<string, OpenInvitation | null>(
  'openInvitationByMember',
  async (ctx, keys) => {
    const members = keys.map((key) => key.split(':') as [string, string]);
    const rows: { user_id: string; organisation_id: string; expires_at: Date }[] = await (
      await ctx.db()
    ).query(
      `SELECT DISTINCT ON (i.user_id, i.organisation_id) i.user_id, i.organisation_id, i.expires_at
         FROM invitation i
         JOIN app_user u ON u.id = i.user_id
        WHERE (i.user_id, i.organisation_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
          AND u.password_hash IS NULL AND i.accepted_at IS NULL
        ORDER BY i.user_id, i.organisation_id, i.expires_at DESC`,
      [members.map(([userId]) => userId), members.map(([, organisationId]) => organisationId)],
    );
    const invitations = rows.map((row) => ({
      userId: row.user_id,
      organisationId: row.organisation_id,
      expiresAt: row.expires_at,
    }));
    return byKey(keys, invitations, (row) => `${row.userId}:${row.organisationId}`, null);
  },
);
