/** Field name -> messages, as the API sends them in `field_errors`. */
export type FieldErrors = Record<string, string[]>;

/**
 * The one error type every API call rejects with. `status` is 0 when the
 * server could not be reached. `detail` is always a sentence fit to show;
 * a raw status code never is.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly detail: string;
  readonly fieldErrors: FieldErrors;

  constructor(status: number, error: string, detail: string, fieldErrors: FieldErrors = {}) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.error = error;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }

  /** The server could not be reached at all. */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** A stale If-Match version: someone else changed the resource. */
  get isStale(): boolean {
    return this.status === 412;
  }

  /** Messages for one field, or an empty list. */
  field(name: string): string[] {
    return this.fieldErrors[name] ?? [];
  }
}

export const NETWORK_MESSAGE = 'Could not reach the help desk server. Check your connection and try again.';

/** A sentence for a failed response whose body was not the API's error JSON. */
export function fallbackDetail(status: number): string {
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'This was not found. It may have been removed.';
  if (status === 409) return 'This cannot be done in the current state.';
  if (status === 412) return 'Someone else changed this ticket. Reload to see the latest version.';
  if (status === 413) return 'The upload is too large.';
  if (status === 415) return 'This kind of file is not accepted.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status >= 500) return 'The help desk server had a problem. Please try again in a moment.';
  return 'The request could not be completed.';
}

function isFieldErrors(value: unknown): value is FieldErrors {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => Array.isArray(v) && v.every((s) => typeof s === 'string'));
}

/** Builds an ApiError from a failed response's status and body text. */
export function errorFromBody(status: number, bodyText: string): ApiError {
  let parsed: unknown;
  try {
    parsed = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null) {
    const o = parsed as Record<string, unknown>;
    const code = typeof o.error === 'string' ? o.error : 'error';
    const fields = isFieldErrors(o.field_errors) ? o.field_errors : {};
    const detail =
      status === 412
        ? fallbackDetail(412)
        : typeof o.detail === 'string' && o.detail.trim()
          ? sentence(o.detail)
          : fallbackDetail(status);
    return new ApiError(status, code, detail, fields);
  }
  return new ApiError(status, 'error', fallbackDetail(status), {});
}

/** The API's details start lower-case ("invalid input"); show them as sentences. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

export function networkError(): ApiError {
  return new ApiError(0, 'network', NETWORK_MESSAGE, {});
}

/** Any thrown value as a readable sentence. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.detail;
  return 'Something went wrong. Please try again.';
}
