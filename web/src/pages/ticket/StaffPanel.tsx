// The staff part of the ticket page (TicketPage renders it for staff only,
// above the thread): the lifecycle actions the server allows now.
import { useContext, useId } from 'react';
import type { ApiError } from '../../api/errors';
import type { TicketRow } from '../../api/types';
import { AuthContext } from '../../auth/AuthContext';
import { isAdmin } from '../../auth/user';
import { ReapplySla } from './staff/ReapplySla';
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
  // Read without useAuth's guard: the panel also renders in tests without a session.
  const role = useContext(AuthContext)?.user?.role;
  return (
    <section className="card staff-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Staff actions</h2>
      {ticket.finalized ? <p className="muted">Handed to the external workflow system.</p> : null}
      <StaffActions ticket={ticket} onChanged={onChanged} onStale={onStale} />
      {isAdmin(role) ? <ReapplySla ticket={ticket} onChanged={onChanged} onStale={onStale} /> : null}
    </section>
  );
}
