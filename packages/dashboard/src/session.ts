import { print } from 'graphql';
import type { SessionFieldsFragment } from './gql/graphql';
import { RefreshSessionMutation, SignOutMutation } from './operations';
import { isErrorCode, type ErrorCode } from './vocabulary';

export type Session = SessionFieldsFragment;

/** Why the sign-in page is shown again: the user chose to leave, or the server ended the session. */
export type SignedOutReason = 'signedOut' | 'sessionEnded';

const STORAGE_KEY = 'sahayog.session';
/** Renew this long before the access token expires, so no request goes out with a token about to lapse. */
const RENEW_AHEAD_MS = 60_000;
/** After a renewal failed for want of a network, try again this soon. */
const RETRY_MS = 15_000;

const isSession = (value: unknown): value is Session => {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['accessToken', 'expiresAt', 'refreshToken', 'refreshExpiresAt'].every(
    (field) => typeof fields[field] === 'string',
  );
};

const RENEWAL_LOCK = 'sahayog.session-renewal';

/** Runs `work` in one tab of the browser at a time (Web Locks), or directly where the browser has none. */
async function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? await locks.request(RENEWAL_LOCK, work) : work();
}

class RefreshRefused extends Error {
  constructor(readonly code: ErrorCode | undefined) {
    super(`Session renewal refused (${code ?? 'no code'})`);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { extensions?: { code?: unknown } }[];
}

/**
 * The signed-in session, kept in localStorage so a reload keeps it. Refresh tokens are single-use, so
 * renewals are serialised through one promise; a refused renewal ends the session.
 */
export class SessionStore {
  private session: Session | null;
  private endedReason: SignedOutReason | null = null;
  private renewal: Promise<Session | null> | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly renewedListeners = new Set<() => void>();

  constructor(private readonly graphqlUrl: string) {
    this.session = SessionStore.read();
    if (this.session && Date.parse(this.session.refreshExpiresAt) <= Date.now()) this.end('sessionEnded');
    this.schedule();
  }

  private static read(): Session | null {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
      return isSession(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  current = (): Session | null => this.session;

  signedOutReason = (): SignedOutReason | null => this.endedReason;

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Told after each renewal, so long-lived connections can re-authenticate with the new token. */
  onRenewed(listener: () => void): () => void {
    this.renewedListeners.add(listener);
    return () => this.renewedListeners.delete(listener);
  }

  start(session: Session): void {
    this.session = session;
    this.endedReason = null;
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.schedule();
    this.notify();
  }

  end(reason: SignedOutReason): void {
    clearTimeout(this.renewTimer);
    this.session = null;
    this.endedReason = reason;
    localStorage.removeItem(STORAGE_KEY);
    this.notify();
  }

  /** A valid access token, renewed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    if (Date.parse(session.expiresAt) - Date.now() > RENEW_AHEAD_MS) return session.accessToken;
    return (await this.renew())?.accessToken ?? null;
  }

  private renew(): Promise<Session | null> {
    this.renewal ??= this.requestRenewal().finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }

  private async requestRenewal(): Promise<Session | null> {
    const session = this.session;
    if (!session) return null;
    try {
      // Stored before the lock is released, so the next tab in line finds it.
      const renewed = await exclusively(async () => {
        const fresh = this.renewedElsewhere(session) ?? (await this.postRefresh(session.refreshToken));
        if (this.session === session) this.start(fresh);
        return fresh;
      });
      if (this.session !== renewed) return this.session; // signed out or in again meanwhile
      this.renewedListeners.forEach((listener) => listener());
      return renewed;
    } catch (error) {
      if (error instanceof RefreshRefused) {
        this.end('sessionEnded');
        return null;
      }
      // Offline or the gateway restarting: keep the session and try again soon.
      clearTimeout(this.renewTimer);
      this.renewTimer = setTimeout(() => void this.renew(), RETRY_MS);
      return session;
    }
  }

  /**
   * Tabs of one browser share the stored session, and a refresh token renews once: a tab that renews second
   * carries on with the session the first one stored instead of spending the used token and being signed out.
   */
  private renewedElsewhere(session: Session): Session | null {
    const stored = SessionStore.read();
    const newer = stored && Date.parse(stored.expiresAt) > Date.parse(session.expiresAt);
    return newer && stored.refreshToken !== session.refreshToken ? stored : null;
  }

  /**
   * Signs in as someone else (an accepted invitation) in a browser already signed in: the earlier session is
   * ended on the server too, so a shared phone keeps no second live session behind the new one.
   */
  async replace(next: Session): Promise<void> {
    const previousToken = await this.accessToken();
    if (previousToken) {
      await fetch(this.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${previousToken}` },
        body: JSON.stringify({ query: print(SignOutMutation) }),
      }).catch(() => undefined);
    }
    this.start(next);
  }

  private async postRefresh(refreshToken: string): Promise<Session> {
    const response = await fetch(this.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(RefreshSessionMutation), variables: { refreshToken } }),
    });
    const body = (await response.json()) as GraphQLResponse<{ refreshSession: Session }>;
    const renewed = body.data?.refreshSession;
    if (renewed && isSession(renewed)) return renewed;
    const code = body.errors?.[0]?.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === 'RATE_LIMITED') throw new Error(`Renewal failed: ${code}`);
    throw new RefreshRefused(isErrorCode(code) ? code : undefined);
  }

  private schedule(): void {
    clearTimeout(this.renewTimer);
    if (!this.session) return;
    const due = Date.parse(this.session.expiresAt) - RENEW_AHEAD_MS - Date.now();
    this.renewTimer = setTimeout(() => void this.renew(), Math.max(due, 0));
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}
