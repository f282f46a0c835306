import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { servedSchemaSDL } from '../schema';

const repoRoot = path.resolve(__dirname, '../../../..');
const contractSDL = readFileSync(path.join(repoRoot, 'contract/schema.graphql'), 'utf8');

/**
 * Contract entries the served schema does not offer yet, each with the issue that builds it. The list
 * only shrinks: an entry that is no longer a breaking change fails the test until it is removed.
 */
const NOT_YET_BUILT = [
  // Administration (issue 7)
  'CreateBedUnitInput was removed.',
  'CreateFacilityInput was removed.',
  'CreateOrganisationInput was removed.',
  'Invitation was removed.',
  'InviteUserInput was removed.',
  'UpdateFacilityInput was removed.',
  'Query.users was removed.',
  'Mutation.acceptInvitation was removed.',
  'Mutation.changePassword was removed.',
  'Mutation.createOrganisation was removed.',
  'Mutation.setOrganisationActive was removed.',
  'Mutation.inviteUser was removed.',
  'Mutation.setUserRoles was removed.',
  'Mutation.setUserActive was removed.',
  'Mutation.createFacility was removed.',
  'Mutation.updateFacility was removed.',
  'Mutation.createBedUnit was removed.',
];

describe('the public contract', () => {
  let breaking: string[];

  beforeAll(async () => {
    const served = buildSchema(await servedSchemaSDL());
    breaking = findBreakingChanges(buildSchema(contractSDL), served).map((change) => change.description);
  });

  it('is served without breaking changes, apart from entries not built yet', () => {
    expect(breaking.filter((description) => !NOT_YET_BUILT.includes(description))).toEqual([]);
  });

  it('lists as not built only what is really missing', () => {
    expect(NOT_YET_BUILT.filter((entry) => !breaking.includes(entry))).toEqual([]);
  });

  it('keeps the repository copy equal to the shared contract', () => {
    const shared = path.resolve(repoRoot, '../shared/contract/schema.graphql');
    if (!existsSync(shared)) return; // a clone without the steering folder beside it
    expect(contractSDL).toEqual(readFileSync(shared, 'utf8'));
  });

  it('has its served SDL committed and current (npm run schema)', async () => {
    const committed = readFileSync(path.join(repoRoot, 'packages/core/schema.graphql'), 'utf8');
    expect(committed).toEqual(await servedSchemaSDL());
  });
});
