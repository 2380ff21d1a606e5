// The browser session: access token in memory only, refresh token in the
// server's HttpOnly cookie. See web/README.md ("Sign-in and tokens").
//
// - refresh ~60 s before the access token expires, and once after a 401;
// - one refresh at a time: in this tab (a shared promise) and across tabs
//   (navigator.locks), so two tabs never present the same refresh cookie and
//   trip the server's reuse detection;
// - BroadcastChannel tells the other tabs about sign-in and sign-out.
import { ApiError } from '../api/errors';
import type { TokenPair } from '../api/types';
import type { TokenSource } from '../api/client';
import { loginRequest, logoutRequest, refreshRequest } from './tokenApi';
import { userFromTokens, type SessionUser } from './user';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in';

export interface SessionState {
  status: SessionStatus;
  user: SessionUser | null;
  /** Why the session ended, for the sign-in page (null when nothing to say). */
  notice: string | null;
}

export interface SessionOptions {
  /** navigator.locks, or null for the in-tab fallback. */
  locks?: Pick<LockManager, 'request'> | null;
  /** The cross-tab channel, or null for none. */
  channel?: Pick<BroadcastChannel, 'postMessage' | 'close' | 'addEventListener'> | null;
}

export const LOCK_NAME = 'helpdesk-refresh';
export const CHANNEL_NAME = 'helpdesk-session';
/** Refresh this long before the access token expires. */
export const REFRESH_LEAD_MS = 60_000;
/** After a refresh that failed for want of a network, try again this soon. */
export const RETRY_MS = 15_000;

export const ENDED_NOTICE = 'Your session has ended. Please sign in again.';
export const OTHER_TAB_NOTICE = 'You signed out in another tab.';

type Message = { type: 'login' } | { type: 'logout' };

function defaultLocks(): SessionOptions['locks'] {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

function defaultChannel(): SessionOptions['channel'] {
  return typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL_NAME) : null;
}

export class Session implements TokenSource {
  private state: SessionState = { status: 'loading', user: null, notice: null };
  private token: string | null = null;
  private expiresAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<boolean> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly locks: SessionOptions['locks'];
  private readonly channel: SessionOptions['channel'];

  constructor(options: SessionOptions = {}) {
    this.locks = options.locks === undefined ? defaultLocks() : options.locks;
    this.channel = options.channel === undefined ? defaultChannel() : options.channel;
    this.channel?.addEventListener('message', (e: Event) => this.onMessage((e as MessageEvent<Message>).data));
  }

  // ---- state for React (useSyncExternalStore) ----
  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // ---- TokenSource for the API client ----
  current(): string | null {
    return this.token;
  }

  async renew(stale: string): Promise<string | null> {
    // Another request may already have renewed it.
    if (this.token && this.token !== stale) return this.token;
    await this.refresh();
    return this.token;
  }

  // ---- actions ----
  /** On page load: a cookie refresh restores the session, if there is one. */
  async restore(): Promise<void> {
    const ok = await this.refresh();
    if (!ok && this.state.status === 'loading') this.setState({ status: 'signed-out', user: null, notice: null });
  }

  /** Signs in (cookie mode). Rejects with ApiError (bad password, pending approval, ...). */
  async login(email: string, password: string): Promise<SessionUser> {
    const pair = await loginRequest(email, password);
    this.accept(pair);
    this.post({ type: 'login' });
    return this.state.user!;
  }

  /** Signs out here and in every other tab; the server clears the cookie. */
  async logout(): Promise<void> {
    const token = this.token;
    this.end(null);
    this.post({ type: 'logout' });
    try {
      await logoutRequest(token);
    } catch {
      // Signed out locally either way; the refresh token expires on its own.
    }
  }

  /**
   * One refresh at a time: concurrent callers in this tab share one request,
   * and other tabs wait for the lock. Resolves true when a new token came.
   */
  refresh(): Promise<boolean> {
    if (!this.inflight) {
      const run = () => this.refreshNow();
      const locked = this.locks ? this.locks.request(LOCK_NAME, run) : run();
      this.inflight = Promise.resolve(locked).finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  /** Stops timers and the channel (tests, hot reload). */
  dispose(): void {
    this.clearTimer();
    this.channel?.close();
    this.listeners.clear();
  }

  // ---- internals ----
  private async refreshNow(): Promise<boolean> {
    try {
      this.accept(await refreshRequest());
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.isNetwork) {
        // Keep what we have; the server may be back soon.
        if (this.state.status === 'signed-in') this.scheduleIn(RETRY_MS);
        else this.setState({ status: 'signed-out', user: null, notice: e.detail });
        return false;
      }
      // No cookie, or it expired or was revoked: the session is over.
      this.end(this.state.status === 'signed-in' ? ENDED_NOTICE : null);
      return false;
    }
  }

  private accept(pair: TokenPair): void {
    if (!pair.access) throw new ApiError(0, 'bad_response', 'The server sent an answer the console does not understand.');
    this.token = pair.access;
    const lifetimeMs = Math.max(1, pair.expires_in ?? 300) * 1000;
    this.expiresAt = Date.now() + lifetimeMs;
    // 60 s before expiry, or half-way for very short lifetimes.
    this.scheduleIn(lifetimeMs - Math.min(REFRESH_LEAD_MS, lifetimeMs / 2));
    this.setState({ status: 'signed-in', user: userFromTokens(pair), notice: null });
  }

  private end(notice: string | null): void {
    this.token = null;
    this.expiresAt = 0;
    this.clearTimer();
    this.setState({ status: 'signed-out', user: null, notice });
  }

  private scheduleIn(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, ms);
  }

  /** A background tab's timers may be late: catch up when it is shown again. */
  refreshIfDue(): void {
    if (this.state.status === 'signed-in' && Date.now() >= this.expiresAt - REFRESH_LEAD_MS) void this.refresh();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private onMessage(message: Message): void {
    if (message?.type === 'logout') {
      if (this.state.status !== 'signed-out') this.end(OTHER_TAB_NOTICE);
    } else if (message?.type === 'login') {
      // Another tab signed in (maybe as someone else): take that session.
      void this.refresh();
    }
  }

  private post(message: Message): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel: nothing to tell.
    }
  }

  private setState(next: SessionState): void {
    this.state = next;
    for (const l of [...this.listeners]) l();
  }
}
