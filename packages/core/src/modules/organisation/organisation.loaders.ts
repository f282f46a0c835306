import { In } from 'typeorm';
import { byKey, defineLoader } from '../../context/loaders';
import { OrganisationEntity } from './organisation.entity';

/** Organisations are public within the network: every partner may see every partner. */
export const organisationById = defineLoader<string, OrganisationEntity | null>(
  'organisationById',
  async (ctx, ids) => {
    const rows = await (await ctx.repo(OrganisationEntity)).findBy({ id: In([...ids]) });
    return byKey(ids, rows, (row) => row.id, null);
  },
);
