import { useId, useState } from 'react';
import type { Account, Catalog } from '../../../api/types';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { FilterSelect } from '../../../components/FilterSelect';
import { Notice } from '../../../components/Notice';
import { useLoad } from '../../../hooks/useLoad';
import { ListState } from '../ListState';
import { useAdminNames } from '../useAdminNames';
import { ADMIN_PAGE_SIZE, rangeText, usePageNumber } from '../usePageNumber';
import { AccountDialog } from './AccountDialog';
import { listAccounts } from './accountsApi';
import { accountName, ROLES } from './accountText';

const STATUSES = ['Pending', 'Approved'];

const ACTIVE_CHOICES = [
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Deactivated' },
];

const COLUMNS: Column<Account>[] = [
  { header: 'Name', cell: (a) => accountName(a) },
  { header: 'Email', cell: (a) => a.email },
  { header: 'Company ID', cell: (a) => a.company_id },
  { header: 'Role', cell: (a) => a.role },
  { header: 'Status', cell: (a) => <span className={`badge badge--account-${a.status.toLowerCase()}`}>{a.status}</span> },
  { header: 'Active', cell: (a) => (a.is_active ? 'Yes' : <span className="badge badge--account-inactive">Deactivated</span>) },
  { header: 'Department', cell: (a) => a.department },
  { header: 'Created', cell: (a) => <DateTime value={a.date_created} /> },
];

interface Filters {
  role: string;
  status: string;
  department: string;
  is_active: string;
}

/** Every account, filtered by role, status, department and access, a page at a time; each one can be managed. */
export function AllAccounts({ catalog, refresh }: { catalog: Catalog | null; refresh: number }) {
  const headingId = useId();
  const paging = usePageNumber();
  const nameOf = useAdminNames();
  const [managing, setManaging] = useState<Account | null>(null);
  const [changes, setChanges] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>({ role: '', status: '', department: '', is_active: '' });
  const list = useLoad(
    (signal) =>
      listAccounts(
        {
          role: filters.role || undefined,
          status: filters.status || undefined,
          department: filters.department || undefined,
          is_active: filters.is_active || undefined,
          page: paging.page,
          page_size: ADMIN_PAGE_SIZE,
        },
        signal,
      ),
    [filters, paging.page, refresh, changes],
  );
  const columns: Column<Account>[] = [
    ...COLUMNS,
    {
      header: 'Manage',
      cell: (a) => (
        <button type="button" className="button button--small button--secondary" aria-label={`Manage ${accountName(a)}`} onClick={() => setManaging(a)}>
          Manage
        </button>
      ),
    },
  ];
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
        <FilterSelect label="Access" name="is_active" anyLabel="Any" value={filters.is_active} options={ACTIVE_CHOICES} onChange={change} />
      </form>
      <Notice text={notice} />
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
            <DataTable caption={`Accounts ${rangeText(paging.page, data)}`} columns={columns} rows={data.results} busy={list.loading} />
          </>
        )}
      </ListState>
      <AccountDialog
        account={managing}
        catalog={catalog}
        nameOf={nameOf}
        onClose={() => setManaging(null)}
        onChanged={(a, message, closing) => {
          setManaging(closing ? null : a);
          if (closing) setNotice(message);
          setChanges((n) => n + 1);
        }}
      />
    </section>
  );
}
