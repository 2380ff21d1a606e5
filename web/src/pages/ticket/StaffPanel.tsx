// EXTENSION POINT for the staff pages' author: the staff part of the ticket
// page (approve / reject / claim / assign / update status / finalize, history
// for staff...). TicketPage renders it only for staff, above the thread.
// Show a control only when its action is in `ticket.actions`; send
// `ifMatch: ticket.version`; on success call `onChanged(updatedTicket)`; on a
// 412 (ApiError.isStale) call `onStale()` so the page shows its banner.
import type { ApiError } from '../../api/errors';
import type { TicketRow } from '../../api/types';

export interface StaffPanelProps {
  ticket: TicketRow;
  /** Call with the action's answer; the page reloads the full ticket. */
  onChanged: (ticket?: TicketRow) => void;
  /** Call on a 412: the page shows "Someone else changed this ticket". */
  onStale: (error: ApiError) => void;
}

export function StaffPanel(_props: StaffPanelProps) {
  return null;
}
