import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Page as ApiPage, OutboxEvent } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { DataTable, type Column } from '../../components/DataTable';
import { FormError } from '../../components/FormError';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { ListState } from './ListState';
import { ADMIN_PAGE_SIZE, rangeText, usePageNumber } from './usePageNumber';
import '../../styles/staff.css';

/** The ticket's TX number from the payload when it has one, else its id. */
function ticketLink(e: OutboxEvent) {
  if (e.ticket === null) return '—';
  const payload = e.payload as Record<string, unknown> | null;
  const number = typeof payload?.ticket_number === 'string' ? payload.ticket_number : null;
  return <Link to={`/tickets/${number ?? e.ticket}`}>{number ?? `Ticket #${e.ticket}`}</Link>;
}

/** /admin/dead-events (System Admin): notifications that failed every delivery attempt; requeue them. */
export default function DeadEventsPage() {
  const paging = usePageNumber();
  const list = useLoad(
    (signal) => api.get<ApiPage<OutboxEvent>>('/api/outbox/dead/', { query: { page: paging.page, page_size: ADMIN_PAGE_SIZE }, signal }),
    [paging.page],
  );
  const requeue = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);

  async function onRequeue(e: OutboxEvent) {
    setNotice(null);
    const done = await requeue.run(() => api.post<OutboxEvent>(`/api/outbox/${e.id}/requeue/`));
    if (done) {
      setNotice(`Notification #${e.id} (${e.event}) is queued again and will be sent shortly.`);
      if (list.data?.results.length === 1 && paging.page > 1) paging.previous();
      else list.reload();
    }
  }

  const columns: Column<OutboxEvent>[] = [
    {
      header: 'Event',
      cell: (e) => (
        <>
          <strong>{e.event}</strong> <span className="muted">#{e.id}</span>
          {e.payload ? (
            <details>
              <summary>Payload</summary>
              <pre className="payload">{JSON.stringify(e.payload, null, 2)}</pre>
            </details>
          ) : null}
        </>
      ),
    },
    { header: 'Ticket', cell: ticketLink },
    { header: 'Created', cell: (e) => <DateTime value={e.created_at} /> },
    { header: 'Attempts', cell: (e) => e.attempts },
    { header: 'Last error', className: 'last-error', cell: (e) => e.last_error ?? '—' },
    { header: 'Delivered to', cell: (e) => (e.delivered_to.length > 0 ? e.delivered_to.join(', ') : 'Nobody yet') },
    {
      header: 'Action',
      cell: (e) => (
        <button
          type="button"
          className="button button--small"
          disabled={requeue.busy}
          aria-label={`Requeue notification ${e.id}`}
          onClick={() => void onRequeue(e)}
        >
          Requeue
        </button>
      ),
    },
  ];

  return (
    <Page testId="page-dead-events" title="Dead notifications">
      <p className="muted">Notifications parked after failed deliveries (mail, webhooks). Fix the cause, then requeue them.</p>
      <Notice text={notice} />
      <FormError error={requeue.error} />
      <ListState
        list={list}
        paging={paging}
        loadingLabel="Loading notifications…"
        errorTitle="Could not load the notifications"
        empty="No dead notifications. Every notification was delivered or is still being tried."
        pagesLabel="Notification pages"
      >
        {(data) => <DataTable caption={`Dead notifications ${rangeText(paging.page, data)}`} columns={columns} rows={data.results} busy={list.loading} />}
      </ListState>
    </Page>
  );
}
