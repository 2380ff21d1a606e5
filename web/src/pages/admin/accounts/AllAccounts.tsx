import { useId, useState } from 'react';
import type { Account, Catalog } from '../../../api/types';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { FilterSelect } from '../../../components/FilterSelect';
import { useLoad } from '../../../hooks/useLoad';
import { ListState } from '../ListState';
import { ADMIN_PAGE_SIZE, rangeText, usePageNumber } from '../usePageNumber';
import { listAccounts } from './accountsApi';
import { accountName, ROLES } from './accountText';

const STATUSES = ['Pending', 'Approved'];

const COLUMNS: Column<Account>[] = [
  { header: 'Name', cell: (a) => accountName(a) },
  { header: 'Email', cell: (a) => a.email },
  { header: 'Company ID', cell: (a) => a.company_id },
  { header: 'Role', cell: (a) => a.role },
  { header: 'Status', cell: (a) => <span className={`badge badge--account-${a.status.toLowerCase()}`}>{a.status}</span> },
  { header: 'Department', cell: (a) => a.department },
  { header: 'Created', cell: (a) => <DateTime value={a.date_created} /> },
];

interface Filters {
  role: string;
  status: string;
  department: string;
}

/** Every account, filtered by role, status and department, a page at a time. */
export function AllAccounts({ catalog, refresh }: { catalog: Catalog | null; refresh: number }) {
  const headingId = useId();
  const paging = usePageNumber();
  const [filters, setFilters] = useState<Filters>({ role: '', status: '', department: '' });
  const list = useLoad(
    (signal) =>
      listAccounts(
        { role: filters.role || undefined, status: filters.status || undefined, department: filters.department || undefined, page: paging.page, page_size: ADMIN_PAGE_SIZE },
        signal,
      ),
    [filters, paging.page, refresh],
  );
  const change = (name: keyof Filters, value: string) => {
    setFilters((f) => ({ ...f, [name]: value }));
    paging.reset();
  };

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>All accounts</h2>
      <form className="filters" aria-label="Filter accounts" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect label="Role" name="role" anyLabel="Any" value={filters.role} options={catalog?.roles ?? ROLES} onChange={change} />
        <FilterSelect label="Status" name="status" anyLabel="Any" value={filters.status} options={STATUSES} onChange={change} />
        <FilterSelect label="Department" name="department" anyLabel="Any" value={filters.department} options={catalog?.departments ?? []} onChange={change} />
      </form>
      <ListState
        list={list}
        paging={paging}
        loadingLabel="Loading accounts…"
        errorTitle="Could not load the accounts"
        empty="No account matches these filters."
        pagesLabel="Account pages"
      >
        {(data) => (
          <>
            <p className="muted" aria-live="polite">
              Accounts {rangeText(paging.page, data)}
            </p>
            <DataTable caption={`Accounts ${rangeText(paging.page, data)}`} columns={COLUMNS} rows={data.results} busy={list.loading} />
          </>
        )}
      </ListState>
    </section>
  );
}
