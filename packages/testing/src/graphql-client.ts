import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** A partner's view of the API: plain HTTP and WebSocket, as an integration would call it. */
export class GraphQLClient {
  constructor(
    readonly url: string,
    readonly token?: string,
  ) {}

  private headers(): Record<string, string> {
    return {
      'content-type': 'application/json',
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
    };
  }

  /** Sends a raw body, for malformed-request tests. */
  async post(body: string, extraHeaders: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    const response = await fetch(this.url, { method: 'POST', headers: { ...this.headers(), ...extraHeaders }, body });
    return { status: response.status, body: await response.text() };
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> {
    const { status, body } = await this.post(JSON.stringify({ query, variables }));
    return { status, ...(JSON.parse(body) as Omit<GraphQLResponse<T>, 'status'>) };
  }

  /** The data of a request that must succeed; fails the test with the errors otherwise. */
  async data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await this.request<T>(query, variables);
    if (response.errors?.length || !response.data) {
      throw new Error(`expected data, got ${response.status}: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  /** The single error of a request that must fail, for asserting its code and details. */
  async error(query: string, variables?: Record<string, unknown>): Promise<GraphQLFormattedError> {
    const response = await this.request(query, variables);
    const error = response.errors?.[0];
    if (!error) throw new Error(`expected an error, got data ${JSON.stringify(response.data)}`);
    return error;
  }

  subscriptions(): Subscriptions {
    return new Subscriptions(this.url.replace(/^http/, 'ws'), this.token);
  }
}

export interface Subscription<T> {
  /** The next event, or a failure after `timeoutMs`. */
  next(timeoutMs?: number): Promise<{ data?: T; errors?: GraphQLFormattedError[] }>;
  /** Resolves true when no event arrives within `ms`. */
  quietFor(ms: number): Promise<boolean>;
  stop(): void;
}

export class Subscriptions {
  private readonly client: WsClient;

  constructor(url: string, token?: string) {
    this.client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: true,
    });
  }

  subscribe<T>(query: string, variables?: Record<string, unknown>): Subscription<T> {
    type Event = { data?: T; errors?: GraphQLFormattedError[] };
    const queued: Event[] = [];
    const waiting: ((event: Event) => void)[] = [];
    const deliver = (event: Event): void => {
      const waiter = waiting.shift();
      if (waiter) waiter(event);
      else queued.push(event);
    };
    const stop = this.client.subscribe<T>(
      { query, variables },
      {
        next: (value) => deliver(value as Event),
        error: (error) =>
          deliver({ errors: Array.isArray(error) ? (error as GraphQLFormattedError[]) : [{ message: String(error) }] }),
        complete: () => undefined,
      },
    );
    const next = (timeoutMs = 5000): Promise<Event> => {
      const ready = queued.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(settle), 1);
          reject(new Error(`no subscription event within ${timeoutMs} ms`));
        }, timeoutMs);
        const settle = (event: Event): void => {
          clearTimeout(timer);
          resolve(event);
        };
        waiting.push(settle);
      });
    };
    return {
      next,
      quietFor: (ms) =>
        next(ms).then(
          () => false,
          () => true,
        ),
      stop,
    };
  }

  /** Resolves once the server has acknowledged the connection, so events published after it are seen. */
  connected(): Promise<void> {
    return new Promise((resolve) => {
      const off = this.client.on('connected', () => {
        off();
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
