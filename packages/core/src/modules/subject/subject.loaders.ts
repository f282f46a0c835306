import { In } from 'typeorm';
import { byKey, defineLoader } from '../../context/loaders';
import { selectPlain, whereKeyIn } from '../../database/plain-rows';
import { IDENTITY_SHARING_PURPOSES } from './subject.enums';
import { ConsentEntity, SubjectEntity } from './subject.entity';

/**
 * Subjects the caller's organisation may see at all: its own, those referred to it, those whose
 * repatriation it is the counterpart of, and those it holds a live consent for. Anything else answers null, exactly like a subject that does not exist.
 */
export const visibleSubjectById = defineLoader<string, SubjectEntity | null>('visibleSubjectById', async (ctx, ids) => {
  const me = ctx.requireActor().organisationId;
  const rows = await selectPlain(ctx, SubjectEntity, 's', (qb) =>
    whereKeyIn(qb, 's.id', ids).andWhere(
      `(s.organisation_id = :me
        OR EXISTS (SELECT 1 FROM referral r WHERE r.subject_id = s.id AND r.to_organisation_id = :me)
        OR EXISTS (SELECT 1 FROM repatriation_case rc WHERE rc.subject_id = s.id
                     AND rc.counterpart_organisation_id = :me)
        OR EXISTS (SELECT 1 FROM consent c WHERE c.subject_id = s.id AND c.granted_to_organisation_id = :me
                     AND c.withdrawn_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > :now)))`,
      { me, now: ctx.now() },
    ),
  );
  return byKey(ids, rows, (row) => row.id, null);
});

/** Whether the caller's organisation holds a live consent that opens each subject's identity to it. */
export const identitySharedWithMe = defineLoader<string, boolean>('identitySharedWithMe', async (ctx, subjectIds) => {
  const me = ctx.requireActor().organisationId;
  const rows = await (
    await ctx.repo(ConsentEntity)
  )
    .createQueryBuilder('c')
    .select('DISTINCT c.subject_id', 'subjectId')
    .where('c.subject_id = ANY(:subjectIds)', { subjectIds })
    .andWhere('c.granted_to_organisation_id = :me', { me })
    .andWhere('c.purpose = ANY(:purposes)', { purposes: IDENTITY_SHARING_PURPOSES })
    .andWhere('c.withdrawn_at IS NULL')
    .andWhere('(c.expires_at IS NULL OR c.expires_at > :now)', { now: ctx.now() })
    .getRawMany<{ subjectId: string }>();
  const shared = new Set(rows.map((row) => row.subjectId));
  return subjectIds.map((id) => shared.has(id));
});

export const consentById = defineLoader<string, ConsentEntity | null>('consentById', async (ctx, ids) => {
  const rows = await (await ctx.repo(ConsentEntity)).findBy({ id: In([...ids]) });
  return byKey(ids, rows, (row) => row.id, null);
});
