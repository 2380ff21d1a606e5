import { listTickets } from '../../../api/tickets';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { Pagination } from '../../../components/Pagination';
import { usePaging } from '../../../components/usePaging';
import { useLoad } from '../../../hooks/useLoad';
import { ticketQuery, viewInfo, type QueueState } from './queueQuery';
import { TicketTable } from './TicketTable';

export const QUEUE_PAGE_SIZE = 25;

/**
 * One query's results with cursor paging. The page renders it with a `key`
 * made of the query, so a new filter starts again at the first page.
 */
export function QueueResults({ state, userId }: { state: QueueState; userId: number }) {
  const paging = usePaging();
  const query = ticketQuery(state, userId, paging.cursor, QUEUE_PAGE_SIZE);
  const load = useLoad((signal) => listTickets(query, signal), [paging.cursor]);
  const label = viewInfo(state.view).label;

  if (load.loading && !load.data) return <Loading label="Loading tickets…" />;
  if (load.error) return <ErrorState title="Could not load the queue" message={load.error} onRetry={load.reload} />;
  const page = load.data;
  if (!page) return null;

  const filtered = Boolean(state.status || state.priority || state.department || state.category || state.sla || state.search.trim());
  return (
    <div className="queue-results" aria-busy={load.loading}>
      <p className="muted" role="status" aria-live="polite">
        {load.loading
          ? 'Loading…'
          : page.results.length === 0
            ? ''
            : `Page ${paging.pageNumber}: ${page.results.length} ticket${page.results.length === 1 ? '' : 's'}${page.next ? ', more on the next page' : ''}.`}
      </p>
      {page.results.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No tickets here.</strong>
          </p>
          <p className="muted">
            {filtered ? 'Nothing matches these filters. Try fewer filters or another search.' : `The ${label} queue is empty.`}
          </p>
        </div>
      ) : (
        <TicketTable
          tickets={page.results}
          caption={`${label} tickets, page ${paging.pageNumber}`}
          dateField={state.ordering.endsWith('update_date') ? 'update_date' : 'submit_date'}
        />
      )}
      <Pagination
        label="Queue pages"
        hasPrevious={paging.hasPrevious}
        hasNext={Boolean(page.next)}
        onPrevious={paging.previous}
        onNext={() => paging.next(page.next)}
        pageNumber={paging.pageNumber}
        busy={load.loading}
      />
    </div>
  );
}
