import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Page as ApiPage, OutboxEvent } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
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

  return (
    <Page testId="page-dead-events" title="Dead notifications">
      <p className="muted">Notifications parked after failed deliveries (mail, webhooks). Fix the cause, then requeue them.</p>
      {notice ? (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      ) : null}
      <FormError error={requeue.error} />
      {list.loading && !list.data ? <Loading label="Loading notifications…" /> : null}
      {list.error ? <ErrorState title="Could not load the notifications" message={list.error} onRetry={list.reload} /> : null}
      {list.data && !list.error ? (
        list.data.results.length === 0 ? (
          <p className="empty-state">No dead notifications. Every notification was delivered or is still being tried.</p>
        ) : (
          <>
            <div className="table-wrap card-table" aria-busy={list.loading}>
              <table>
                <caption className="visually-hidden">Dead notifications {rangeText(paging.page, list.data)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Ticket</th>
                    <th scope="col">Created</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Last error</th>
                    <th scope="col">Delivered to</th>
                    <th scope="col">Action</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.results.map((e) => (
                    <tr key={e.id}>
                      <td data-label="Event">
                        <strong>{e.event}</strong> <span className="muted">#{e.id}</span>
                        {e.payload ? (
                          <details>
                            <summary>Payload</summary>
                            <pre className="payload">{JSON.stringify(e.payload, null, 2)}</pre>
                          </details>
                        ) : null}
                      </td>
                      <td data-label="Ticket">{ticketLink(e)}</td>
                      <td data-label="Created">
                        <DateTime value={e.created_at} />
                      </td>
                      <td data-label="Attempts">{e.attempts}</td>
                      <td data-label="Last error" className="last-error">
                        {e.last_error ?? '—'}
                      </td>
                      <td data-label="Delivered to">{e.delivered_to.length > 0 ? e.delivered_to.join(', ') : 'Nobody yet'}</td>
                      <td data-label="Action">
                        <button
                          type="button"
                          className="button button--small"
                          disabled={requeue.busy}
                          aria-label={`Requeue notification ${e.id}`}
                          onClick={() => void onRequeue(e)}
                        >
                          Requeue
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              label="Notification pages"
              hasPrevious={paging.page > 1}
              hasNext={Boolean(list.data.next)}
              onPrevious={paging.previous}
              onNext={paging.next}
              pageNumber={paging.page}
              busy={list.loading}
            />
          </>
        )
      ) : null}
    </Page>
  );
}
