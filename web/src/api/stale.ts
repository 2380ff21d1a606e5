import { ApiError } from './errors';

/** What `orStale` resolves to when the server answered 412 (a stale If-Match version). */
export const STALE = Symbol('stale version');

/** Runs `work`; a 412 resolves to STALE instead of rejecting, so the caller can show its banner. */
export async function orStale<T>(work: () => Promise<T>): Promise<T | typeof STALE> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ApiError && e.isStale) return STALE;
    throw e;
  }
}
