import type { TicketRow } from '../../api/types';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { DateTime, formatDuration } from '../../components/DateTime';
import { SlaBadge } from '../../components/SlaBadge';
import { SlaFacts } from './SlaFacts';

function personName(p: TicketRow['assigned_to'] | TicketRow['employee'] | null): string {
  if (!p) return 'Nobody yet';
  const name = `${p.first_name ?? ''} ${p.last_name ?? ''}`.trim();
  return name || p.email || `Account ${p.id}`;
}

/** The ticket's number, subject, status, priority and its facts. */
export function TicketHeader({ ticket }: { ticket: TicketRow }) {
  return (
    <div className="ticket-header card">
      <div className="ticket-header__badges">
        <StatusBadge status={ticket.status} />
        <PriorityBadge priority={ticket.priority} />
        {ticket.sla?.state ? <SlaBadge state={ticket.sla.state} /> : null}
        {ticket.finalized ? <span className="badge">Handed to the workflow</span> : null}
      </div>
      <dl className="definition-list">
        <dt>Raised by</dt>
        <dd>{personName(ticket.employee)}</dd>
        <dt>Category</dt>
        <dd>
          {ticket.category} · {ticket.sub_category}
        </dd>
        <dt>Department</dt>
        <dd>{ticket.department || 'Not set yet'}</dd>
        <dt>Assigned to</dt>
        <dd>{personName(ticket.assigned_to)}</dd>
        <dt>Submitted</dt>
        <dd>
          <DateTime value={ticket.submit_date} />
        </dd>
        <dt>Last update</dt>
        <dd>
          <DateTime value={ticket.update_date} />
        </dd>
        <SlaFacts ticket={ticket} />
        {ticket.scheduled_date ? (
          <>
            <dt>Scheduled for</dt>
            <dd>
              <DateTime value={ticket.scheduled_date} />
            </dd>
          </>
        ) : null}
        {ticket.response_time !== null ? (
          <>
            <dt>First response</dt>
            <dd>{formatDuration(ticket.response_time)}</dd>
          </>
        ) : null}
        {ticket.resolution_time !== null ? (
          <>
            <dt>Resolved in</dt>
            <dd>{formatDuration(ticket.resolution_time)}</dd>
          </>
        ) : null}
        {ticket.time_closed ? (
          <>
            <dt>Closed</dt>
            <dd>
              <DateTime value={ticket.time_closed} />
            </dd>
          </>
        ) : null}
        {ticket.rejection_reason ? (
          <>
            <dt>Rejected because</dt>
            <dd>{ticket.rejection_reason}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
