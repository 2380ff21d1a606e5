// Editing a ticket's fields (staff): PATCH with If-Match, like every ticket action.
import { api } from './client';
import type { TicketEdit, TicketRow } from './types';

/** Changes priority, department, category or sub-category; `{ assigned_to: null }` unassigns. A stale version rejects with a 412. */
export function editTicket(ticket: Pick<TicketRow, 'id' | 'version'>, change: TicketEdit): Promise<TicketRow> {
  return api.patch<TicketRow>(`/api/tickets/${ticket.id}/`, change, { ifMatch: ticket.version });
}
