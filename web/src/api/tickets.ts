// Ticket requests shared by the ticket pages (employee and staff).
import { api } from './client';
import type { Page, Ticket, TicketRow } from './types';
import type { Query } from './url';

export function listTickets(query: Query, signal?: AbortSignal): Promise<Page<TicketRow>> {
  return api.get<Page<TicketRow>>('/api/tickets/', { query, signal });
}

/** A ticket by its TX number (or id), with attachments and the visible comments. */
export function getTicket(numberOrId: string | number, signal?: AbortSignal): Promise<Ticket> {
  return api.get<Ticket>(`/api/tickets/${encodeURIComponent(String(numberOrId))}/`, { signal });
}

/**
 * A lifecycle action (`withdraw`, `close`, `reopen`, `approve`, `update-status`...)
 * sent with If-Match: the ticket's version; a stale one rejects with a 412 ApiError.
 */
export function ticketAction(ticket: Pick<TicketRow, 'id' | 'version'>, path: string, body?: unknown): Promise<TicketRow> {
  return api.post<TicketRow>(`/api/tickets/${ticket.id}/${path}/`, body, { ifMatch: ticket.version });
}

/** A random Idempotency-Key (crypto.randomUUID needs a secure context, so fall back). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
