import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { freePort } from './ports';

/** A PostgreSQL server of a test's own, which the test may stop and start again: for outage tests. */
export class DisposablePostgres {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: Interface,
    readonly port: number,
  ) {}

  static async start(): Promise<DisposablePostgres> {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(__dirname, '../scripts/disposable-postgres.mjs'), String(port)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const server = new DisposablePostgres(child, createInterface({ input: child.stdout }), port);
    await server.answer('ready');
    return server;
  }

  get adminUrl(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  private answer(expected: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const onLine = (line: string): void => {
        if (!line.startsWith(expected)) return;
        this.lines.off('line', onLine);
        resolve();
      };
      this.lines.on('line', onLine);
      this.child.once('exit', (code) => reject(new Error(`disposable PostgreSQL exited with ${code}`)));
    });
  }

  async stop(): Promise<void> {
    this.child.stdin.write('stop\n');
    await this.answer('stopped');
  }

  async restart(): Promise<void> {
    this.child.stdin.write('start\n');
    await this.answer('ready');
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.write('exit\n');
    await exited;
  }
}
