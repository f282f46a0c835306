import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, startServerProcess } from '@sahayog/testing';

/** A server under test, in a process of its own so that its memory is its own. */
export interface ServerKind {
  name: string;
  title: string;
  /** Node arguments: the entry script and its own arguments. */
  args: string[];
  env: Record<string, string>;
  /** Speaks the gateway's schema, or PostGraphile's generated one (read scenarios only). */
  dialect: 'sahayog' | 'postgraphile';
  /** Where a server that cannot report one request's statements reports its running total. */
  statementsPath?: string;
  /** Where the GraphQL (or GraphQL-shaped) endpoint is. */
  path: string;
}

export interface RunningServer {
  url: string;
  pid: number;
  /** The process's resident memory now, in bytes. */
  rss(): number;
  /** CPU time the process has used so far (user and system), in milliseconds. */
  cpuMs(): number;
  stop(): Promise<void>;
}

const REPO = path.resolve(__dirname, '../../..');

function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Clock ticks per second of /proc's CPU times: 100 on Linux on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** A process's command name and CPU ticks (user and system; with its reaped children's when asked) from /proc. */
function processTimes(pid: number | string): { name: string; ownTicks: number; childTicks: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces; utime, stime, cutime and cstime
  // are the 12th to 15th fields after it.
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return {
    name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(') ')),
    ownTicks: Number(fields[11]) + Number(fields[12]),
    childTicks: Number(fields[13]) + Number(fields[14]),
  };
}

const ticksToMs = (ticks: number): number => (ticks * 1000) / CLOCK_TICKS_PER_SECOND;

function cpuMsOf(pid: number): number {
  return ticksToMs(processTimes(pid).ownTicks);
}

/**
 * CPU time used so far by every PostgreSQL process on this machine (the embedded server's, or the local
 * service's): live backends' own time, and through the postmaster's children's time those that ended. The
 * database shares the machine's cores with the server under test, so a server whose SQL costs the database
 * more answers fewer requests even at the same CPU time of its own.
 */
export function databaseCpuMs(): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const times = processTimes(entry);
      if (times.name === 'postgres') ticks += times.ownTicks + times.childTicks;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticksToMs(ticks);
}

export async function startServer(kind: ServerKind, nodeOptions: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${kind.path}`;
  const server = await startServerProcess({
    args: [...nodeOptions, ...kind.args],
    env: { ...kind.env, PORT: String(port), HOST: '127.0.0.1' },
    cwd: REPO,
    readyUrl: url,
  });
  return {
    url,
    pid: server.pid,
    rss: () => rssOf(server.pid),
    cpuMs: () => cpuMsOf(server.pid),
    stop: async () => {
      await server.stop();
    },
  };
}

/**
 * Samples a process's resident memory while `work` runs, answering the highest, and the CPU time the process
 * and the database used meanwhile: on a shared machine throughput moves with the neighbours' load, CPU time per
 * request much less.
 */
export async function observe<T>(
  server: RunningServer,
  work: () => Promise<T>,
): Promise<{ result: T; peak: number; cpuMs: number; databaseCpuMs: number }> {
  let peak = server.rss();
  const cpuBefore = server.cpuMs();
  const databaseBefore = databaseCpuMs();
  const timer = setInterval(() => {
    peak = Math.max(peak, server.rss());
  }, 100);
  try {
    const result = await work();
    return {
      result,
      peak: Math.max(peak, server.rss()),
      cpuMs: server.cpuMs() - cpuBefore,
      databaseCpuMs: databaseCpuMs() - databaseBefore,
    };
  } finally {
    clearInterval(timer);
  }
}
