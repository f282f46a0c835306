import { byKey, defineLoader, groupByKey } from '../../context/loaders';
import { selectPlain } from '../../database/plain-rows';
import { BedUnitEntity, FacilityEntity } from './facility.entity';

export const facilityById = defineLoader<string, FacilityEntity | null>('facilityById', async (ctx, ids) => {
  const rows = await selectPlain(await ctx.repo(FacilityEntity), 'f', (qb) => qb.where('f.id IN (:...ids)', { ids }));
  return byKey(ids, rows, (row) => row.id, null);
});

export const unitsByFacility = defineLoader<string, BedUnitEntity[]>('unitsByFacility', async (ctx, facilityIds) => {
  const rows = await selectPlain(await ctx.repo(BedUnitEntity), 'u', (qb) =>
    qb.where('u.facility_id IN (:...facilityIds)', { facilityIds }).orderBy('u.name'),
  );
  return groupByKey(facilityIds, rows, (row) => row.facilityId);
});

export const facilitiesByOrganisation = defineLoader<string, FacilityEntity[]>(
  'facilitiesByOrganisation',
  async (ctx, organisationIds) => {
    const rows = await selectPlain(await ctx.repo(FacilityEntity), 'f', (qb) =>
      qb.where('f.organisation_id IN (:...organisationIds)', { organisationIds }).orderBy('f.name'),
    );
    return groupByKey(organisationIds, rows, (row) => row.organisationId);
  },
);

export const unitById = defineLoader<string, BedUnitEntity | null>('unitById', async (ctx, ids) => {
  const rows = await selectPlain(await ctx.repo(BedUnitEntity), 'u', (qb) => qb.where('u.id IN (:...ids)', { ids }));
  return byKey(ids, rows, (row) => row.id, null);
});
