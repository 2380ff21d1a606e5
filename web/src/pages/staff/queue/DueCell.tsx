import type { TicketRow } from '../../../api/types';
import { DateTime } from '../../../components/DateTime';
import { SlaBadge } from '../../../components/SlaBadge';

/** A queue row's resolution due date with the ticket's overall SLA state beside it. */
export function DueCell({ ticket }: { ticket: TicketRow }) {
  if (!ticket.sla) return <span className="muted">Not measured</span>;
  return (
    <span className="due">
      {ticket.resolution_due ? <DateTime value={ticket.resolution_due} /> : <span className="muted">No date</span>}
      <SlaBadge state={ticket.sla.state} />
    </span>
  );
}
