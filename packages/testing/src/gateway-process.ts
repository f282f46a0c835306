import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { freePort } from './ports';
import { startServerProcess, type ServerProcess } from './server-process';

const REPO = path.resolve(__dirname, '../../..');

let builtCli: string | undefined;

/**
 * The `sahayog` command built from the sources under test: `tsc -b` brings `packages/gateway/dist` up to
 * date, which takes a second when it already is (after `npm run build`) and a few on a fresh clone.
 */
function gatewayCli(): string {
  if (!builtCli) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'packages/gateway'], {
      cwd: REPO,
      stdio: 'pipe',
    });
    builtCli = path.join(REPO, 'packages/gateway/dist/cli.js');
  }
  return builtCli;
}

export interface GatewayProcess extends ServerProcess {
  /** Its GraphQL endpoint. */
  url: string;
}

/**
 * `sahayog serve` in a process of its own, configured only through its environment, as an operator starts a
 * replica. What is not given falls to the production defaults, but for the environment of this process.
 */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  const server = await startServerProcess({
    args: [gatewayCli(), 'serve'],
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    cwd: REPO,
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  });
  return { ...server, url: `http://127.0.0.1:${port}/graphql` };
}
