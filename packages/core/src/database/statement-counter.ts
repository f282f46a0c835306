import type { Logger, QueryRunner } from 'typeorm';

/** Data a unit of work hangs on its query runner, so the logger can attribute statements to a request. */
export interface RunnerData {
  onStatement?: () => void;
}

/**
 * Counts statements per unit of work (exposed to tests and benchmarks as a deterministic cost) and stays
 * silent otherwise: query text and parameters can carry identity values, so they are never logged.
 */
export class StatementCounter implements Logger {
  logQuery(_query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    (queryRunner?.data as RunnerData | undefined)?.onStatement?.();
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
