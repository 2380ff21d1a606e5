import type { TicketRow } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { SlaBadge } from '../../components/SlaBadge';

/**
 * The ticket's service-level rows for the header's definition list: each
 * target's due date with its state, and the policy version it is measured under.
 */
export function SlaFacts({ ticket }: { ticket: TicketRow }) {
  const sla = ticket.sla;
  if (!sla) {
    return (
      <>
        <dt>Service level</dt>
        <dd className="muted">Not measured</dd>
      </>
    );
  }
  return (
    <>
      <dt>First response due</dt>
      <dd className="due" data-testid="sla-first-response">
        {ticket.first_response_due ? <DateTime value={ticket.first_response_due} /> : <span className="muted">No date while paused</span>}
        <SlaBadge state={sla.first_response} />
      </dd>
      <dt>Resolution due</dt>
      <dd className="due" data-testid="sla-resolution">
        {ticket.resolution_due ? <DateTime value={ticket.resolution_due} /> : <span className="muted">No date while paused</span>}
        <SlaBadge state={sla.resolution} />
      </dd>
      <dt>SLA policy</dt>
      <dd data-testid="sla-policy-version">Version {sla.policy_version ?? 0}</dd>
    </>
  );
}
