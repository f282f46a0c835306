import autocannon from 'autocannon';

/** One request of a scenario, as JSON over HTTP POST. */
export interface LoadRequest {
  url: string;
  token: string;
  /** The body of the n-th request. */
  body(n: number): unknown;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers that were not HTTP 200 or carried GraphQL errors. */
  errors: number;
}

/** Drives one server with autocannon for a fixed time, counting answers that carry errors as failures. */
export async function drive(request: LoadRequest): Promise<LoadResult> {
  let sent = 0;
  let failed = 0;
  const result = await autocannon({
    url: request.url,
    connections: request.connections,
    duration: request.durationSeconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: JSON.stringify(request.body(sent++)) }),
        onResponse: (status, body) => {
          if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[')) failed++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: failed + result.errors + result.timeouts,
  };
}

/** One request outside the load, to see what it answers and how many SQL statements it took. */
export interface Probe {
  statements: number | null;
  errors: string[];
  /** Size of the answer: a server that answers less (row security misapplied) shows here. */
  bytes: number;
}

export async function probe(url: string, token: string, body: unknown): Promise<Probe> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const json = JSON.parse(text) as {
    errors?: { message?: string; extensions?: { code?: string } }[];
    extensions?: { sqlStatements?: number };
  };
  return {
    statements: json.extensions?.sqlStatements ?? null,
    errors: (json.errors ?? []).map((e) => e.extensions?.code ?? e.message ?? 'error'),
    bytes: Buffer.byteLength(text),
  };
}
