// The staff part of the ticket page (TicketPage renders it for staff only,
// above the thread): the lifecycle actions the server allows now.
import { useId } from 'react';
import type { ApiError } from '../../api/errors';
import type { TicketRow } from '../../api/types';
import { StaffActions } from './staff/StaffActions';
import '../../styles/staff.css';

export interface StaffPanelProps {
  ticket: TicketRow;
  /** Call with the action's answer; the page reloads the full ticket. */
  onChanged: (ticket?: TicketRow) => void;
  /** Call on a 412: the page shows "Someone else changed this ticket". */
  onStale: (error: ApiError) => void;
}

export function StaffPanel({ ticket, onChanged, onStale }: StaffPanelProps) {
  const headingId = useId();
  return (
    <section className="card staff-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Staff actions</h2>
      {ticket.finalized ? <p className="muted">Handed to the external workflow system.</p> : null}
      <StaffActions ticket={ticket} onChanged={onChanged} onStale={onStale} />
    </section>
  );
}
