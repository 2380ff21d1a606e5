import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listTickets } from '../../api/tickets';
import { useCatalog } from '../../catalog/useCatalog';
import { ErrorState } from '../../components/ErrorState';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Options } from '../../components/Options';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { TicketList } from '../../components/TicketList';
import { usePaging } from '../../components/usePaging';
import { useLoad } from '../../hooks/useLoad';

const PAGE_SIZE = 20;
const ORDERINGS = [
  { value: '-submit_date', label: 'Newest first' },
  { value: 'submit_date', label: 'Oldest first' },
  { value: '-update_date', label: 'Recently updated' },
];

/** The signed-in person's own tickets: status filter, search, sort, cursor pages. */
export default function MyTicketsPage() {
  const { catalog } = useCatalog();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const search = params.get('search') ?? '';
  const ordering = params.get('ordering') ?? '-submit_date';
  const [searchText, setSearchText] = useState(search);
  const paging = usePaging();

  const { data, loading, error, reload } = useLoad(
    (signal) =>
      listTickets(
        { status: status || undefined, search: search || undefined, ordering, cursor: paging.cursor, page_size: PAGE_SIZE },
        signal,
      ),
    [status, search, ordering, paging.cursor],
  );

  function update(next: Record<string, string>) {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    paging.reset();
    setParams(merged, { replace: true });
  }

  function onSearch(e: FormEvent) {
    e.preventDefault();
    update({ search: searchText.trim() });
  }

  const filtered = Boolean(status || search);
  return (
    <Page
      testId="page-my-tickets"
      title="My tickets"
      actions={
        <Link to="/tickets/new" className="button">
          New ticket
        </Link>
      }
    >
      <div className="filters" role="search">
        <Field label="Status" name="status">
          {(p) => (
            <select {...p} value={status} onChange={(e) => update({ status: e.target.value })}>
              <option value="">All statuses</option>
              <Options values={catalog?.statuses ?? []} />
            </select>
          )}
        </Field>
        <Field label="Sort by" name="ordering">
          {(p) => (
            <select {...p} value={ordering} onChange={(e) => update({ ordering: e.target.value === '-submit_date' ? '' : e.target.value })}>
              <Options values={ORDERINGS} />
            </select>
          )}
        </Field>
        <form className="filters__search" onSubmit={onSearch}>
          <Field label="Search" name="search">
            {(p) => <input {...p} type="search" placeholder="Subject or description" value={searchText} onChange={(e) => setSearchText(e.target.value)} />}
          </Field>
          <button type="submit" className="button button--secondary">
            Search
          </button>
        </form>
      </div>

      {loading ? <Loading label="Loading your tickets…" /> : null}
      {error && !loading ? <ErrorState message={error} onRetry={reload} title="Could not load your tickets" /> : null}
      {data && !loading && !error ? (
        data.results.length === 0 ? (
          <div className="empty-state">
            {filtered ? (
              <p>No tickets match these filters.</p>
            ) : paging.hasPrevious ? (
              <p>No more tickets.</p>
            ) : (
              <>
                <p>You have not raised any tickets yet.</p>
                <p>
                  <Link to="/tickets/new">Raise your first ticket</Link>
                </p>
              </>
            )}
          </div>
        ) : (
          <TicketList tickets={data.results} />
        )
      ) : null}
      <Pagination
        hasPrevious={paging.hasPrevious}
        hasNext={Boolean(data?.next)}
        onPrevious={paging.previous}
        onNext={() => paging.next(data?.next ?? null)}
        pageNumber={paging.pageNumber}
        busy={loading}
        label="Ticket pages"
      />
    </Page>
  );
}
