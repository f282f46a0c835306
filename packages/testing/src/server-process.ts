import { spawn } from 'node:child_process';

/** A server in a Node process of its own. */
export interface ServerProcess {
  pid: number;
  /** The last few kB the process wrote, for a failure's message. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not ended within 15 s; answers its exit code (null when killed). */
  stop(): Promise<number | null>;
}

export interface ServerProcessOptions {
  /** Node's arguments: options, the entry script and its own arguments. */
  args: string[];
  /** Added to this process's environment. */
  env: Record<string, string>;
  cwd: string;
  /** The process is up once a GET of this answers at all. */
  readyUrl: string;
  readyWithinMs?: number;
}

const OUTPUT_KEPT = 4000;

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const server: ServerProcess = {
    pid: child.pid as number,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(force);
      }
      return child.exitCode;
    },
  };

  const deadline = Date.now() + (options.readyWithinMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${options.args.join(' ')} exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(options.readyUrl);
      return server;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await server.stop();
  throw new Error(`${options.args.join(' ')} did not answer at ${options.readyUrl}:\n${output}`);
}
