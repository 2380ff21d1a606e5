import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, setTokenSource, type TokenSource } from './client';
import { ApiError, NETWORK_MESSAGE } from './errors';
import { json, mockApi } from '../test/mockApi';

afterEach(() => {
  setTokenSource(null);
  vi.unstubAllGlobals();
});

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('the request did not fail');
}

describe('api client', () => {
  it('sends JSON, the query and If-Match, and parses the answer', async () => {
    const m = mockApi({ 'POST /api/tickets/4/close/': () => json(200, { id: 4, status: 'Closed' }) });
    const out = await api.post<{ status: string }>('/api/tickets/4/close/', { comment: 'done' }, { ifMatch: 9, query: { a: 'x', b: undefined, s: ['New', 'Open'] } });
    expect(out.status).toBe('Closed');
    const [call] = m.calls;
    expect(call!.headers['if-match']).toBe('9');
    expect(call!.headers['content-type']).toBe('application/json');
    expect(call!.body).toEqual({ comment: 'done' });
    expect(call!.query.getAll('s')).toEqual(['New', 'Open']);
    expect(call!.query.has('b')).toBe(false);
  });

  it('turns a network failure into a readable ApiError with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const e = await failure(api.get('/api/tickets/'));
    expect(e.status).toBe(0);
    expect(e.isNetwork).toBe(true);
    expect(e.detail).toBe(NETWORK_MESSAGE);
    expect(e.detail).not.toMatch(/\d{3}/);
  });

  it('carries error, detail and field_errors from the API error body', async () => {
    mockApi({
      'POST /api/create_employee/': () =>
        json(400, { error: 'invalid_argument', detail: 'invalid input', field_errors: { email: ['Enter a valid email address.'], password: ['Too short.', 'No digit.'] } }),
    });
    const e = await failure(api.post('/api/create_employee/', {}));
    expect(e.status).toBe(400);
    expect(e.error).toBe('invalid_argument');
    expect(e.detail).toBe('Invalid input.');
    expect(e.field('email')).toEqual(['Enter a valid email address.']);
    expect(e.field('password')).toHaveLength(2);
    expect(e.field('nothing')).toEqual([]);
  });

  it('reports a 412 as someone else changing the ticket', async () => {
    mockApi({ 'POST /api/tickets/4/close/': () => json(412, { error: 'precondition_failed', detail: 'stale version' }) });
    const e = await failure(api.post('/api/tickets/4/close/', {}, { ifMatch: 3 }));
    expect(e.isStale).toBe(true);
    expect(e.detail).toMatch(/someone else changed this ticket/i);
  });

  it('gives a sentence, not a status code, for an error body that is not JSON', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })));
    const e = await failure(api.get('/api/tickets/'));
    expect(e.status).toBe(502);
    expect(e.detail).toMatch(/server had a problem/i);
    expect(e.detail).not.toContain('502');
    expect(e.fieldErrors).toEqual({});
  });

  it('ignores a malformed field_errors member', async () => {
    mockApi({ 'GET /api/x/': () => json(400, { error: 'invalid_argument', detail: 'bad', field_errors: 'nope' }) });
    const e = await failure(api.get('/api/x/'));
    expect(e.fieldErrors).toEqual({});
    expect(e.detail).toBe('Bad.');
  });

  it('refuses a success answer that is not JSON', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('not json', { status: 200 })));
    const e = await failure(api.get('/api/x/'));
    expect(e.error).toBe('bad_response');
  });

  it('answers undefined for 204', async () => {
    mockApi({ 'DELETE /api/workflow/api-keys/3/': () => new Response(null, { status: 204 }) });
    await expect(api.delete('/api/workflow/api-keys/3/')).resolves.toBeUndefined();
  });

  it('sends the bearer token and, after a 401, renews it once and retries', async () => {
    let token = 'old';
    const source: TokenSource = {
      current: () => token,
      renew: vi.fn(async () => {
        token = 'new';
        return token;
      }),
    };
    setTokenSource(source);
    const m = mockApi({
      'GET /api/tickets/': (c) => (c.headers.authorization === 'Bearer new' ? json(200, { ok: true }) : json(401, { error: 'unauthenticated', detail: 'expired' })),
    });
    await expect(api.get('/api/tickets/')).resolves.toEqual({ ok: true });
    expect(source.renew).toHaveBeenCalledTimes(1);
    expect(source.renew).toHaveBeenCalledWith('old');
    expect(m.calls.map((c) => c.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('gives up after one retry, and when the session cannot be renewed', async () => {
    const source: TokenSource = { current: () => 't', renew: vi.fn(async () => null) };
    setTokenSource(source);
    const m = mockApi({ 'GET /api/tickets/': () => json(401, { error: 'unauthenticated', detail: 'token expired' }) });
    const e = await failure(api.get('/api/tickets/'));
    expect(e.status).toBe(401);
    expect(m.calls).toHaveLength(1);
  });

  it('sends no token when auth is off', async () => {
    setTokenSource({ current: () => 'secret', renew: async () => null });
    const m = mockApi({ 'GET /api/catalog/': () => json(200, {}) });
    await api.get('/api/catalog/', { auth: false });
    expect(m.calls[0]!.headers.authorization).toBeUndefined();
  });
});

/** A stand-in XMLHttpRequest that answers `status`/`text` after reporting progress. */
function fakeXhr(answers: { status: number; text: string; fail?: boolean }[]) {
  const sent: { headers: Record<string, string>; body: unknown }[] = [];
  class FakeXhr {
    status = 0;
    responseText = '';
    private listeners: Record<string, (() => void)[]> = {};
    private uploadListeners: Record<string, ((e: ProgressEvent) => void)[]> = {};
    private headers: Record<string, string> = {};
    upload = {
      addEventListener: (type: string, fn: (e: ProgressEvent) => void) => {
        (this.uploadListeners[type] ??= []).push(fn);
      },
    };
    open() {}
    setRequestHeader(k: string, v: string) {
      this.headers[k] = v;
    }
    addEventListener(type: string, fn: () => void) {
      (this.listeners[type] ??= []).push(fn);
    }
    abort() {}
    send(body: unknown) {
      sent.push({ headers: this.headers, body });
      const answer = answers.shift()!;
      queueMicrotask(() => {
        for (const fn of this.uploadListeners.progress ?? []) fn({ lengthComputable: true, loaded: 50, total: 100 } as ProgressEvent);
        for (const fn of this.uploadListeners.progress ?? []) fn({ lengthComputable: true, loaded: 100, total: 100 } as ProgressEvent);
        if (answer.fail) {
          for (const fn of this.listeners.error ?? []) fn();
          return;
        }
        this.status = answer.status;
        this.responseText = answer.text;
        for (const fn of this.listeners.load ?? []) fn();
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

describe('api.upload', () => {
  it('reports progress and parses the answer', async () => {
    fakeXhr([{ status: 201, text: '{"ticket_number":"TX0001"}' }]);
    const progress: number[] = [];
    const form = new FormData();
    form.append('subject', 'x');
    const out = await api.upload<{ ticket_number: string }>('/api/tickets/', form, { onProgress: (s, t) => progress.push(s / t) });
    expect(out.ticket_number).toBe('TX0001');
    expect(progress).toEqual([0.5, 1]);
  });

  it('turns an upload error into the network ApiError and field errors into ApiError', async () => {
    fakeXhr([{ status: 0, text: '', fail: true }]);
    const e = await failure(api.upload('/api/tickets/', new FormData()));
    expect(e.isNetwork).toBe(true);
    fakeXhr([{ status: 413, text: '{"error":"payload_too_large","detail":"too large","field_errors":{"attachments":["The file is too big."]}}' }]);
    const big = await failure(api.upload('/api/tickets/', new FormData()));
    expect(big.status).toBe(413);
    expect(big.field('attachments')).toEqual(['The file is too big.']);
  });

  it('renews the token after a 401 and sends the form again', async () => {
    let token = 'a';
    setTokenSource({ current: () => token, renew: async () => (token = 'b') });
    const sent = fakeXhr([
      { status: 401, text: '{"error":"unauthenticated","detail":"expired"}' },
      { status: 201, text: '{"ok":true}' },
    ]);
    await expect(api.upload('/api/tickets/', new FormData())).resolves.toEqual({ ok: true });
    expect(sent.map((s) => s.headers.Authorization)).toEqual(['Bearer a', 'Bearer b']);
  });
});
