import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DASHBOARD = path.resolve(__dirname, '../..');
const COMMITTED = path.join(DASHBOARD, 'src/gql');

/** The codegen CLI is ESM-only, which jest's CommonJS runtime cannot load: it runs as a child process. */
function generateInto(directory: string): void {
  const manifestPath = require.resolve('@graphql-codegen/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const cli = path.join(path.dirname(manifestPath), manifest.bin['graphql-codegen'] as string);
  execFileSync(process.execPath, [cli, '--config', 'codegen.ts', '--silent'], {
    cwd: DASHBOARD,
    env: { ...process.env, SAHAYOG_CODEGEN_OUTPUT: `${directory}/` },
    stdio: 'pipe',
  });
}

describe('the generated GraphQL code in src/gql', () => {
  it('is what codegen makes of schema.graphql and the operations now (else run `npm run codegen -w @sahayog/dashboard`)', () => {
    const fresh = mkdtempSync(path.join(tmpdir(), 'sahayog-codegen-'));
    try {
      generateInto(fresh);
      const files = readdirSync(fresh).sort();
      expect(readdirSync(COMMITTED).sort()).toEqual(files);
      for (const file of files) {
        expect({ file, content: readFileSync(path.join(COMMITTED, file), 'utf8') }).toEqual({
          file,
          content: readFileSync(path.join(fresh, file), 'utf8'),
        });
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
