import { byKey, defineLoader } from '../../context/loaders';
import { selectPlain, whereKeyIn } from '../../database/plain-rows';
import { OrganisationEntity } from './organisation.entity';

/** Organisations are public within the network: every partner may see every partner. */
export const organisationById = defineLoader<string, OrganisationEntity | null>(
  'organisationById',
  async (ctx, ids) => {
    const rows = await selectPlain(ctx, OrganisationEntity, 'o', (qb) => whereKeyIn(qb, 'o.id', ids));
    return byKey(ids, rows, (row) => row.id, null);
  },
);
