import { useId, useState } from 'react';
import type { Catalog } from '../../../api/types';
import { DateTime } from '../../../components/DateTime';
import { ErrorState } from '../../../components/ErrorState';
import { Field } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { Pagination } from '../../../components/Pagination';
import { useLoad } from '../../../hooks/useLoad';
import { ADMIN_PAGE_SIZE, rangeText, usePageNumber } from '../usePageNumber';
import { listAccounts } from './accountsApi';
import { accountName } from './accountText';

const ROLES = ['Employee', 'Ticket Coordinator', 'System Admin'];
const STATUSES = ['Pending', 'Approved'];

interface Filters {
  role: string;
  status: string;
  department: string;
}

function FilterSelect({ label, name, value, options, onChange }: { label: string; name: keyof Filters; value: string; options: readonly string[]; onChange: (name: keyof Filters, value: string) => void }) {
  return (
    <Field label={label} name={name}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(name, e.target.value)}>
          <option value="">Any</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
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
        <FilterSelect label="Role" name="role" value={filters.role} options={catalog?.roles ?? ROLES} onChange={change} />
        <FilterSelect label="Status" name="status" value={filters.status} options={STATUSES} onChange={change} />
        <FilterSelect label="Department" name="department" value={filters.department} options={catalog?.departments ?? []} onChange={change} />
      </form>
      {list.loading && !list.data ? <Loading label="Loading accounts…" /> : null}
      {list.error ? <ErrorState title="Could not load the accounts" message={list.error} onRetry={list.reload} /> : null}
      {list.data && !list.error ? (
        list.data.results.length === 0 ? (
          <p className="empty-state">No account matches these filters.</p>
        ) : (
          <>
            <p className="muted" aria-live="polite">
              Accounts {rangeText(paging.page, list.data)}
            </p>
            <div className="table-wrap card-table" aria-busy={list.loading}>
              <table>
                <caption className="visually-hidden">Accounts {rangeText(paging.page, list.data)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Company ID</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Department</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.results.map((a) => (
                    <tr key={a.id}>
                      <td data-label="Name">{accountName(a)}</td>
                      <td data-label="Email">{a.email}</td>
                      <td data-label="Company ID">{a.company_id}</td>
                      <td data-label="Role">{a.role}</td>
                      <td data-label="Status">
                        <span className={`badge badge--account-${a.status.toLowerCase()}`}>{a.status}</span>
                      </td>
                      <td data-label="Department">{a.department}</td>
                      <td data-label="Created">
                        <DateTime value={a.date_created} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              label="Account pages"
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
    </section>
  );
}
