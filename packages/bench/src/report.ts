import type { LoadResult } from './load';
import type { Scale } from './network';
import type { Scenario } from './scenarios';
import type { ServerKind } from './servers';

export interface Measurement extends LoadResult {
  /** Which round of the run, from 1: every server runs every scenario once a round. */
  round: number;
  scenario: string;
  server: string;
  statements: number | null;
  responseBytes: number;
  peakRssBytes: number;
  /** The server process's CPU time (user and system) over the requests it answered. */
  cpuMsPerRequest: number;
  /** The database's CPU time (every PostgreSQL process) over the same requests. */
  databaseCpuMsPerRequest: number;
}

export interface RunInfo {
  scale: string;
  counts: Scale;
  loadSeconds: number;
  durationSeconds: number;
  /** How many times every server ran every scenario. */
  rounds: number;
  connections: number;
  poolSize: number;
  machine: string;
  database: string;
  /** The machine's 1-minute load average before and after the runs: other work on it shows in the numbers. */
  loadAverage: [before: number, after: number];
  /** Node options every server ran with. */
  nodeOptions: string;
}

/** The peers each row is compared with: the floor, and the GraphQL server a partner could pick instead. */
const BASELINES = [
  { server: 'hand', heading: '× node+pg' },
  { server: 'postgraphile', heading: '× PostGraphile' },
];

const fixed = (value: number, digits = 0): string => value.toFixed(digits);

/** The middle value, or the lower middle one of an even number. */
function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] as number;
}

/**
 * One measurement per scenario and server out of several rounds: the round with the median requests/s (the lower
 * middle one of an even number), with the highest peak RSS and the errors of all rounds.
 */
function medianRound(rounds: Measurement[]): Measurement {
  const middle = median(rounds.map((round) => round.requestsPerSecond));
  const chosen = rounds.find((round) => round.requestsPerSecond === middle) as Measurement;
  return {
    ...chosen,
    peakRssBytes: Math.max(...rounds.map((round) => round.peakRssBytes)),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
  };
}

export function renderReport(
  info: RunInfo,
  scenarios: Scenario[],
  kinds: ServerKind[],
  measurements: Measurement[],
): string {
  const roundsOf = (scenario: string, server: string): Measurement[] =>
    measurements.filter((m) => m.scenario === scenario && m.server === server);
  /** The median over rounds of a row's requests/s to its baseline's in the same round. */
  const ratio = (rounds: Measurement[], baseline: Measurement[]): string => {
    const ratios = rounds.flatMap((m) => {
      const base = baseline.find((b) => b.round === m.round);
      return base && base.requestsPerSecond > 0 ? [m.requestsPerSecond / base.requestsPerSecond] : [];
    });
    return ratios.length ? `${fixed(median(ratios), 2)}×` : '–';
  };
  const lines = [
    '# Sahayog bench: latest run',
    '',
    `Scale **${info.scale}**: ${info.counts.organisations} organisations, ${info.counts.facilities} facilities, ` +
      `${info.counts.bedUnits} bed units, ${info.counts.subjects} subjects, ${info.counts.referrals} referrals with events, ` +
      `${info.counts.repatriationCases} repatriation cases; ${info.counts.contendedReferrals} more referrals waiting on ` +
      `4 contended units. Loaded in ${fixed(info.loadSeconds, 1)} s (COPY, ${info.database}).`,
    '',
    `${info.durationSeconds} s per scenario after a 2 s warm-up, ${info.connections} connections (autocannon), ` +
      (info.rounds > 1
        ? `${info.rounds} rounds, each driving every scenario at every server back to back, beginning with the next server each round (each row is its round with the median req/s, peak RSS the highest and errors all rounds'; each ratio the median of the rounds' ratios), `
        : '') +
      `database pool of ${info.poolSize} per server, every server in its own process (\`${info.nodeOptions}\`) all through the run on ${info.machine}. ` +
      `Load average ${fixed(info.loadAverage[0], 1)} before the runs and ${fixed(info.loadAverage[1], 1)} after. ` +
      'SQL is the statements of one request (transaction control included); peak RSS is the server process, sampled every 100 ms; ' +
      "CPU ms is the server process's CPU time per answered request, steadier than req/s when other work shares the machine; " +
      "DB CPU ms is PostgreSQL's (all its processes) over the same requests: server and database share the machine's cores.",
    '',
    `| scenario | server | req/s | p50 ms | p99 ms | SQL/request | answer kB | peak RSS MB | CPU ms/request | DB CPU ms/request | errors | ${BASELINES.map((b) => b.heading).join(' | ')} |`,
    `|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|${BASELINES.map(() => '--:').join('|')}|`,
  ];
  for (const scenario of scenarios) {
    for (const kind of kinds) {
      const rounds = roundsOf(scenario.name, kind.name);
      if (!rounds.length) continue;
      const m = medianRound(rounds);
      const ratios = BASELINES.map((b) => ratio(rounds, roundsOf(scenario.comparedWith ?? scenario.name, b.server)));
      lines.push(
        `| ${scenario.name} | ${kind.title} | ${fixed(m.requestsPerSecond, 1)} | ${m.p50Ms} | ${m.p99Ms} | ` +
          `${m.statements ?? '–'} | ${fixed(m.responseBytes / 1024, 1)} | ${fixed(m.peakRssBytes / 2 ** 20)} | ${fixed(m.cpuMsPerRequest, 2)} | ${fixed(m.databaseCpuMsPerRequest, 2)} | ${m.errors} | ${ratios.join(' | ')} |`,
      );
    }
  }
  lines.push('', 'Scenarios:', '');
  for (const scenario of scenarios) lines.push(`- **${scenario.name}**: ${scenario.title}.`);
  return `${lines.join('\n')}\n`;
}
