import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTokenSource } from '../api/client';
import { json, mockApi, tokenPair } from '../test/mockApi';
import { ENDED_NOTICE, LOCK_NAME, OTHER_TAB_NOTICE, Session } from './session';

/** BroadcastChannel stand-ins that deliver to every other member of the hub. */
function channelHub() {
  const members: { listeners: ((e: MessageEvent) => void)[] }[] = [];
  return () => {
    const me = { listeners: [] as ((e: MessageEvent) => void)[] };
    members.push(me);
    return {
      postMessage: (data: unknown) => {
        for (const m of members) if (m !== me) for (const l of m.listeners) l({ data } as MessageEvent);
      },
      addEventListener: (_type: string, l: (e: MessageEvent) => void) => me.listeners.push(l),
      close: () => undefined,
    } as unknown as BroadcastChannel;
  };
}

/** A Web Locks stand-in that runs holders of one name one after another. */
function fakeLocks() {
  let tail: Promise<unknown> = Promise.resolve();
  const request = vi.fn((_name: string, fn: () => Promise<unknown>) => {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  });
  return { request } as unknown as LockManager & { request: typeof request };
}

let sessions: Session[] = [];
function newSession(options: ConstructorParameters<typeof Session>[0] = { locks: null, channel: null }) {
  const s = new Session(options);
  sessions.push(s);
  return s;
}

beforeEach(() => {
  sessions = [];
});
afterEach(() => {
  for (const s of sessions) s.dispose();
  setTokenSource(null);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('session', () => {
  it('signs in with POST /api/token/ in cookie mode and keeps the token in memory only', async () => {
    const m = mockApi({ 'POST /api/token/': () => json(200, tokenPair()) });
    const s = newSession();
    const user = await s.login('emma@example.com', 'Secret#123');
    expect(user.role).toBe('Employee');
    expect(s.getState().status).toBe('signed-in');
    expect(s.current()).toBe('access-1');
    const call = m.calls[0]!;
    expect(call.headers['x-helpdesk-session']).toBe('cookie');
    expect(call.body).toEqual({ email: 'emma@example.com', password: 'Secret#123' });
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('restores the session on page load through a cookie refresh', async () => {
    const m = mockApi({ 'POST /api/token/refresh/': () => json(200, tokenPair({ access: 'restored' })) });
    const s = newSession();
    expect(s.getState().status).toBe('loading');
    await s.restore();
    expect(s.getState()).toMatchObject({ status: 'signed-in', notice: null });
    expect(s.current()).toBe('restored');
    expect(m.calls[0]!.headers['x-helpdesk-session']).toBe('cookie');
  });

  it('is signed out, without a notice, when there is no session to restore', async () => {
    mockApi({ 'POST /api/token/refresh/': () => json(401, { error: 'unauthenticated', detail: 'no refresh cookie' }) });
    const s = newSession();
    await s.restore();
    expect(s.getState()).toEqual({ status: 'signed-out', user: null, notice: null });
  });

  it('refreshes once for any number of concurrent callers (single flight)', async () => {
    let n = 0;
    const m = mockApi({ 'POST /api/token/refresh/': async () => json(200, tokenPair({ access: `t${++n}` })) });
    const s = newSession();
    const results = await Promise.all([s.refresh(), s.refresh(), s.refresh(), s.renew('stale')]);
    expect(results.slice(0, 3)).toEqual([true, true, true]);
    expect(m.of('POST /api/token/refresh/')).toHaveLength(1);
    expect(s.current()).toBe('t1');
    // A later refresh is a new request.
    await s.refresh();
    expect(m.of('POST /api/token/refresh/')).toHaveLength(2);
  });

  it('renew() hands back a token another request already renewed', async () => {
    const m = mockApi({
      'POST /api/token/': () => json(200, tokenPair({ access: 'now' })),
      'POST /api/token/refresh/': () => json(200, tokenPair({ access: 'never' })),
    });
    const s = newSession();
    await s.login('a@b.co', 'x');
    await expect(s.renew('older')).resolves.toBe('now');
    expect(m.of('POST /api/token/refresh/')).toHaveLength(0);
  });

  it('takes the cross-tab lock for each refresh, so tabs refresh one after another', async () => {
    const locks = fakeLocks();
    let inFlight = 0;
    let maxInFlight = 0;
    const m = mockApi({
      'POST /api/token/refresh/': async () => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return json(200, tokenPair());
      },
    });
    const tabA = newSession({ locks, channel: null });
    const tabB = newSession({ locks, channel: null });
    await Promise.all([tabA.refresh(), tabB.refresh()]);
    expect(locks.request).toHaveBeenCalledTimes(2);
    expect(locks.request.mock.calls[0]![0]).toBe(LOCK_NAME);
    expect(m.calls).toHaveLength(2);
    expect(maxInFlight).toBe(1);
  });

  it('refreshes about 60 s before the access token expires, and not earlier', async () => {
    vi.useFakeTimers();
    let n = 0;
    const m = mockApi({
      'POST /api/token/': () => json(200, tokenPair({ access: 'first', expires_in: 300 })),
      'POST /api/token/refresh/': () => json(200, tokenPair({ access: `refreshed-${++n}`, expires_in: 300 })),
    });
    const s = newSession();
    await s.login('a@b.co', 'x');
    await vi.advanceTimersByTimeAsync(239_000);
    expect(m.of('POST /api/token/refresh/')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.of('POST /api/token/refresh/')).toHaveLength(1);
    expect(s.current()).toBe('refreshed-1');
    // And again for the new token.
    await vi.advanceTimersByTimeAsync(240_000);
    expect(m.of('POST /api/token/refresh/')).toHaveLength(2);
  });

  it('refreshes half-way through a very short lifetime', async () => {
    vi.useFakeTimers();
    const m = mockApi({
      'POST /api/token/': () => json(200, tokenPair({ expires_in: 30 })),
      'POST /api/token/refresh/': () => json(200, tokenPair({ expires_in: 30 })),
    });
    const s = newSession();
    await s.login('a@b.co', 'x');
    await vi.advanceTimersByTimeAsync(14_900);
    expect(m.of('POST /api/token/refresh/')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(m.of('POST /api/token/refresh/')).toHaveLength(1);
  });

  it('ends the session with a notice when the refresh cookie is refused', async () => {
    vi.useFakeTimers();
    mockApi({
      'POST /api/token/': () => json(200, tokenPair({ expires_in: 120 })),
      'POST /api/token/refresh/': () => json(401, { error: 'unauthenticated', detail: 'refresh token revoked' }),
    });
    const s = newSession();
    await s.login('a@b.co', 'x');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.getState()).toEqual({ status: 'signed-out', user: null, notice: ENDED_NOTICE });
    expect(s.current()).toBeNull();
  });

  it('keeps the session and retries when a refresh meets a network failure', async () => {
    vi.useFakeTimers();
    let fail = true;
    const m = mockApi({
      'POST /api/token/': () => json(200, tokenPair({ expires_in: 120 })),
      'POST /api/token/refresh/': () => {
        if (fail) throw new TypeError('Failed to fetch');
        return json(200, tokenPair({ access: 'back' }));
      },
    });
    const s = newSession();
    await s.login('a@b.co', 'x');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.getState().status).toBe('signed-in');
    fail = false;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(m.of('POST /api/token/refresh/')).toHaveLength(2);
    expect(s.current()).toBe('back');
  });

  it('logout revokes the session on the server and tells the other tabs', async () => {
    const hub = channelHub();
    const m = mockApi({
      'POST /api/token/': () => json(200, tokenPair({ access: 'mine' })),
      'POST /api/token/refresh/': () => json(200, tokenPair({ access: 'other-tab' })),
      'POST /api/token/logout/': () => new Response(null, { status: 204 }),
    });
    const tabA = newSession({ locks: null, channel: hub() });
    const tabB = newSession({ locks: null, channel: hub() });
    await tabA.login('a@b.co', 'x');
    await vi.waitFor(() => expect(tabB.getState().status).toBe('signed-in')); // the login broadcast
    await tabA.logout();
    expect(tabA.getState()).toEqual({ status: 'signed-out', user: null, notice: null });
    expect(tabB.getState()).toEqual({ status: 'signed-out', user: null, notice: OTHER_TAB_NOTICE });
    expect(tabB.current()).toBeNull();
    const logout = m.of('POST /api/token/logout/')[0]!;
    expect(logout.headers['x-helpdesk-session']).toBe('cookie');
    expect(logout.headers.authorization).toBe('Bearer mine');
  });

  it('signs out locally even when the logout request fails', async () => {
    mockApi({
      'POST /api/token/': () => json(200, tokenPair()),
      'POST /api/token/logout/': () => {
        throw new TypeError('offline');
      },
    });
    const s = newSession();
    await s.login('a@b.co', 'x');
    await s.logout();
    expect(s.getState().status).toBe('signed-out');
  });

  it('a sign-in in another tab makes this tab pick up the session', async () => {
    const hub = channelHub();
    mockApi({
      'POST /api/token/': () => json(200, tokenPair({ access: 'a' })),
      'POST /api/token/refresh/': () => json(200, tokenPair({ access: 'b', first_name: 'Picked' })),
    });
    const tabA = newSession({ locks: null, channel: hub() });
    const tabB = newSession({ locks: null, channel: hub() });
    mockApi({
      'POST /api/token/': () => json(200, tokenPair({ access: 'a' })),
      'POST /api/token/refresh/': () => json(200, tokenPair({ access: 'b', first_name: 'Picked' })),
    });
    await tabA.login('a@b.co', 'x');
    await vi.waitFor(() => expect(tabB.getState().user?.firstName).toBe('Picked'));
  });

  it('notifies subscribers of each change', async () => {
    mockApi({ 'POST /api/token/refresh/': () => json(200, tokenPair()) });
    const s = newSession();
    const seen: string[] = [];
    s.subscribe(() => seen.push(s.getState().status));
    await s.restore();
    expect(seen).toEqual(['signed-in']);
  });
});
