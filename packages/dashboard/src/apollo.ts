import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import type { SessionStore } from './session';

/** The dashboard is served from the gateway's own origin (or Vite's proxy to it in development). */
export const GRAPHQL_PATH = '/graphql';

export function graphqlWebSocketUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_PATH}`;
}

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting';

/** The live-update socket's state, for the "reconnecting…" notice and for catching up after a gap. */
export class LiveConnection {
  private status: LiveStatus = 'connecting';
  private readonly listeners = new Set<() => void>();
  private readonly reconnectedListeners = new Set<() => void>();
  private hasConnected = false;

  current = (): LiveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Told when the socket is back after a gap, so screens refetch what they may have missed. */
  onReconnected(listener: () => void): () => void {
    this.reconnectedListeners.add(listener);
    return () => this.reconnectedListeners.delete(listener);
  }

  /** `afterRenewal`: the socket was restarted on purpose to carry a renewed token, and may have missed events. */
  connected(afterRenewal = false): void {
    const wasDown = this.hasConnected && (this.status === 'reconnecting' || afterRenewal);
    this.hasConnected = true;
    this.set('connected');
    if (wasDown) this.reconnectedListeners.forEach((listener) => listener());
  }

  lost(): void {
    this.set(this.hasConnected ? 'reconnecting' : 'connecting');
  }

  private set(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.listeners.forEach((listener) => listener());
  }
}

export interface SessionClient {
  client: ApolloClient;
  live: LiveConnection;
  dispose(): void;
}

/**
 * One Apollo client per signed-in session: queries and mutations over HTTP, subscriptions over graphql-ws,
 * both carrying the session's current access token. Signing out disposes it, cache and socket included,
 * so nothing of one user's view survives into the next sign-in.
 */
export function createSessionClient(sessions: SessionStore): SessionClient {
  const live = new LiveConnection();
  // A renewal closes the socket on purpose so it re-authenticates; that is no lost connection.
  let renewing = false;
  const socket = createClient({
    url: graphqlWebSocketUrl(window.location),
    connectionParams: async () => ({ authorization: `Bearer ${(await sessions.accessToken()) ?? ''}` }),
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 15_000)));
    },
    on: {
      connected: () => {
        const afterRenewal = renewing;
        renewing = false;
        live.connected(afterRenewal);
      },
      closed: () => {
        if (!renewing) live.lost();
      },
    },
  });
  const stopRenewalWatch = sessions.onRenewed(() => {
    renewing = true;
    socket.terminate();
  });

  const auth = new SetContextLink(async (previous) => {
    const token = await sessions.accessToken();
    return token ? { headers: { ...previous['headers'], authorization: `Bearer ${token}` } } : {};
  });
  const endOnUnauthenticated = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) {
      sessions.end('sessionEnded');
    }
  });
  const link = ApolloLink.split(
    (operation) => isSubscriptionOperation(operation.query),
    new GraphQLWsLink(socket),
    ApolloLink.from([endOnUnauthenticated, auth, new HttpLink({ uri: GRAPHQL_PATH })]),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return {
    client,
    live,
    dispose: () => {
      stopRenewalWatch();
      void socket.dispose();
      client.stop();
      void client.clearStore();
    },
  };
}

/** Signing in needs no token and no socket. */
export function createAnonymousClient(): ApolloClient {
  return new ApolloClient({ link: new HttpLink({ uri: GRAPHQL_PATH }), cache: new InMemoryCache() });
}
