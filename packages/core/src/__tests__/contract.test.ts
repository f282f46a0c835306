import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  // Repatriation (issue 4)
  'CaseDocument was removed.',
  'DocumentKind was removed.',
  'DocumentStatus was removed.',
  'Milestone was removed.',
  'MilestoneKind was removed.',
  'MilestoneStatus was removed.',
  'OpenRepatriationInput was removed.',
  'RecordDocumentInput was removed.',
  'RepatriationCase was removed.',
  'RepatriationStatus was removed.',
  'UpdateMilestoneInput was removed.',
  'Query.repatriationCases was removed.',
  'Query.repatriationCase was removed.',
  'Mutation.openRepatriationCase was removed.',
  'Mutation.updateMilestone was removed.',
  'Mutation.recordDocument was removed.',
  // Audit reading (issue 6)
  'AuditEvent was removed.',
  'Query.auditEvents was removed.',
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
    const file = path.join(repoRoot, 'packages/core/schema.graphql');
    const served = await servedSchemaSDL();
    // WRITE_SCHEMA=1 rewrites the file from the sources, without a build (e.g. in a worktree).
    if (process.env['WRITE_SCHEMA'] === '1') writeFileSync(file, served);
    expect(readFileSync(file, 'utf8')).toEqual(served);
  });
});
