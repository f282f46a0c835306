import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { servedSchemaSDL } from '../schema';

const repoRoot = path.resolve(__dirname, '../../../..');
const contractSDL = readFileSync(path.join(repoRoot, 'contract/schema.graphql'), 'utf8');

describe('the public contract', () => {
  it('is served in full, without a single breaking change', async () => {
    const served = buildSchema(await servedSchemaSDL());
    const breaking = findBreakingChanges(buildSchema(contractSDL), served).map((change) => change.description);
    expect(breaking).toEqual([]);
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
