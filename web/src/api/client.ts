// The typed fetch wrapper every page uses. JSON in and out; multipart uploads
// go through XMLHttpRequest for progress events. Every failure rejects with
// ApiError (src/api/errors.ts).
import { ApiError, errorFromBody, networkError } from './errors';
import { buildUrl, type Query } from './url';

/** Where the client gets the access token; the session (src/auth) installs one. */
export interface TokenSource {
  /** The access token now, or null when signed out. */
  current(): string | null;
  /**
   * Called after a 401 to a request sent with `stale`: resolves to a fresh
   * token to retry with once, or null when the session is over.
   */
  renew(stale: string): Promise<string | null>;
}

let tokens: TokenSource | null = null;

export function setTokenSource(source: TokenSource | null): void {
  tokens = source;
}

export interface RequestOptions {
  query?: Query;
  /** The resource version for `If-Match` (ticket actions); a stale one answers 412. */
  ifMatch?: number | string;
  headers?: Record<string, string>;
  /** Send the access token and renew it once on a 401 (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface UploadOptions extends RequestOptions {
  /** Called as the body goes out: `sent` of `total` bytes. */
  onProgress?: (sent: number, total: number) => void;
}

interface RawResponse {
  status: number;
  text: string;
}

type Sender = (token: string | null) => Promise<RawResponse>;

function headersFor(options: RequestOptions, token: string | null, json: boolean): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (json) h['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) h['If-Match'] = String(options.ifMatch);
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

/** Sends once, and once more with a renewed token after a 401. */
async function withAuth(options: RequestOptions, send: Sender): Promise<RawResponse> {
  const useAuth = options.auth !== false && tokens !== null;
  const token = useAuth ? tokens!.current() : null;
  const first = await send(token);
  if (first.status !== 401 || !useAuth || !token) return first;
  const renewed = await tokens!.renew(token);
  if (!renewed) return first;
  return send(renewed);
}

function parse<T>(raw: RawResponse): T {
  if (raw.status < 200 || raw.status >= 300) throw errorFromBody(raw.status, raw.text);
  if (raw.status === 204 || raw.text === '') return undefined as T;
  try {
    return JSON.parse(raw.text) as T;
  } catch {
    throw new ApiError(raw.status, 'bad_response', 'The server sent an answer the console does not understand.');
  }
}

async function fetchRaw(url: string, init: RequestInit): Promise<RawResponse> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError();
  }
  let text = '';
  try {
    text = await response.text();
  } catch {
    throw networkError();
  }
  return { status: response.status, text };
}

/** A JSON request. `body` undefined sends none. */
export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const url = buildUrl(path, options.query);
  const json = body !== undefined;
  const raw = await withAuth(options, (token) =>
    fetchRaw(url, {
      method,
      headers: headersFor(options, token, json),
      body: json ? JSON.stringify(body) : null,
      signal: options.signal ?? null,
    }),
  );
  return parse<T>(raw);
}

function xhrSend(method: string, url: string, form: FormData, headers: Record<string, string>, options: UploadOptions): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    if (options.onProgress) {
      const report = options.onProgress;
      xhr.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) report(e.loaded, e.total);
      });
    }
    xhr.addEventListener('load', () => resolve({ status: xhr.status, text: xhr.responseText }));
    xhr.addEventListener('error', () => reject(networkError()));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled.', 'AbortError')));
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException('The upload was cancelled.', 'AbortError'));
        return;
      }
      options.signal.addEventListener('abort', () => xhr.abort());
    }
    xhr.send(form);
  });
}

/** A multipart upload with progress events. */
export async function upload<T>(path: string, form: FormData, options: UploadOptions = {}, method = 'POST'): Promise<T> {
  const url = buildUrl(path, options.query);
  const raw = await withAuth(options, (token) => xhrSend(method, url, form, headersFor(options, token, false), options));
  return parse<T>(raw);
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  upload,
};
