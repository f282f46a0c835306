import { In } from 'typeorm';
import { byKey, defineLoader, groupByKey } from '../../context/loaders';
import { BedUnitEntity, FacilityEntity } from './facility.entity';

export const facilityById = defineLoader<string, FacilityEntity | null>('facilityById', async (ctx, ids) => {
  const rows = await (await ctx.repo(FacilityEntity)).findBy({ id: In([...ids]) });
  return byKey(ids, rows, (row) => row.id, null);
});

export const unitsByFacility = defineLoader<string, BedUnitEntity[]>('unitsByFacility', async (ctx, facilityIds) => {
  const rows = await (
    await ctx.repo(BedUnitEntity)
  ).find({
    where: { facilityId: In([...facilityIds]) },
    order: { name: 'ASC' },
  });
  return groupByKey(facilityIds, rows, (row) => row.facilityId);
});

export const facilitiesByOrganisation = defineLoader<string, FacilityEntity[]>(
  'facilitiesByOrganisation',
  async (ctx, organisationIds) => {
    const rows = await (
      await ctx.repo(FacilityEntity)
    ).find({
      where: { organisationId: In([...organisationIds]) },
      order: { name: 'ASC' },
    });
    return groupByKey(organisationIds, rows, (row) => row.organisationId);
  },
);

export const unitById = defineLoader<string, BedUnitEntity | null>('unitById', async (ctx, ids) => {
  const rows = await (await ctx.repo(BedUnitEntity)).findBy({ id: In([...ids]) });
  return byKey(ids, rows, (row) => row.id, null);
});
