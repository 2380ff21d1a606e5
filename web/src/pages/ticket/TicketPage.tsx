// The ticket page, for the owner and for staff. Staff-only controls live in
// StaffPanel (the extension point, see StaffPanel.tsx); everything here is
// shown only when the server lists its action in `ticket.actions`.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { getTicket } from '../../api/tickets';
import { useAuth } from '../../auth/useAuth';
import { isStaff } from '../../auth/user';
import { useCatalog } from '../../catalog/useCatalog';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { StaleVersionBanner } from '../../components/StaleVersionBanner';
import { useLoad } from '../../hooks/useLoad';
import { Attachments } from './Attachments';
import { CommentBox } from './CommentBox';
import { HistoryTimeline } from './HistoryTimeline';
import { OwnerActions } from './OwnerActions';
import { StaffPanel } from './StaffPanel';
import { Thread } from './Thread';
import { TicketHeader } from './TicketHeader';

export default function TicketPage() {
  const { number = '' } = useParams();
  const { user } = useAuth();
  const { catalog } = useCatalog();
  const [stale, setStale] = useState(false);
  const { data: ticket, loading, error, errorObject, reload } = useLoad((signal) => getTicket(number, signal), [number]);

  function reloadFresh() {
    setStale(false);
    reload();
  }

  if (!ticket) {
    return (
      <Page testId="page-ticket" title={number || 'Ticket'}>
        {loading ? <Loading label="Loading the ticket…" /> : null}
        {error && !loading ? (
          <ErrorState
            message={error}
            onRetry={errorObject?.status === 404 ? undefined : reload}
            title={errorObject?.status === 404 ? 'No such ticket' : 'Could not load the ticket'}
          />
        ) : null}
        <p>
          <Link to="/">Back to your start page</Link>
        </p>
      </Page>
    );
  }

  const staff = isStaff(user?.role);
  return (
    <Page testId="page-ticket" title={`${ticket.ticket_number}: ${ticket.subject}`}>
      {stale ? <StaleVersionBanner onReload={reloadFresh} /> : null}
      {error && !loading ? <ErrorState message={error} onRetry={reload} title="Could not refresh the ticket" /> : null}
      <TicketHeader ticket={ticket} />
      <OwnerActions ticket={ticket} onDone={reload} onStale={() => setStale(true)} />
      {staff ? <StaffPanel ticket={ticket} onChanged={reload} onStale={() => setStale(true)} /> : null}

      <section className="section" aria-labelledby="description-title">
        <h2 id="description-title">Description</h2>
        <p className="ticket-description">{ticket.description}</p>
      </section>

      <Attachments
        ticketId={ticket.id}
        attachments={ticket.attachments}
        canAttach={ticket.actions.includes('attach')}
        limits={catalog?.attachments ?? null}
        onAdded={reload}
      />

      <Thread ticket={ticket} comments={ticket.comments} />
      {ticket.actions.includes('comment') || ticket.actions.includes('comment_internal') ? (
        <CommentBox ticketId={ticket.id} canInternal={ticket.actions.includes('comment_internal')} onPosted={reload} />
      ) : null}

      <HistoryTimeline ticketId={ticket.id} version={ticket.version} />
    </Page>
  );
}
