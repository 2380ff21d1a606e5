// Canned replies (staff): the caller's own and the shared ones, and one
// rendered for a ticket. Changes carry the reply's version in If-Match.
import { api } from './client';
import type { CannedReply, Page, RenderedReply } from './types';

/** The replies the picker and the page load per request. */
export const CANNED_PAGE_SIZE = 100;

export interface CannedReplyFields {
  title: string;
  body: string;
  /** System Admins only: every staff member's. */
  shared?: boolean;
}

/** Every reply the caller sees, page after page: the picker and the page search them in the browser. */
export async function listCannedReplies(signal?: AbortSignal): Promise<Page<CannedReply>> {
  const get = (page: number) =>
    api.get<Page<CannedReply>>('/api/canned-replies/', { query: { page, page_size: CANNED_PAGE_SIZE }, signal });
  let last = await get(1);
  const results = [...last.results];
  for (let page = 2; last.next; page += 1) {
    last = await get(page);
    results.push(...last.results);
  }
  return { count: results.length, next: null, previous: null, results };
}

export function createCannedReply(fields: CannedReplyFields): Promise<CannedReply> {
  return api.post<CannedReply>('/api/canned-replies/', fields);
}

export function updateCannedReply(reply: Pick<CannedReply, 'id' | 'version'>, change: { title: string; body: string }): Promise<CannedReply> {
  return api.patch<CannedReply>(`/api/canned-replies/${reply.id}/`, change, { ifMatch: reply.version });
}

export function deleteCannedReply(reply: Pick<CannedReply, 'id' | 'version'>): Promise<void> {
  return api.delete(`/api/canned-replies/${reply.id}/`, { ifMatch: reply.version });
}

/** The reply's text with its placeholders filled for this ticket; nothing is posted. */
export function renderCannedReply(ticketId: number, replyId: number): Promise<RenderedReply> {
  return api.get<RenderedReply>(`/api/tickets/${ticketId}/canned-replies/${replyId}/`);
}

/** Replies whose title or text contains `search` (case ignored), in the list's order. */
export function matchingReplies(replies: readonly CannedReply[], search: string): CannedReply[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return [...replies];
  return replies.filter((r) => r.title.toLowerCase().includes(needle) || r.body.toLowerCase().includes(needle));
}
