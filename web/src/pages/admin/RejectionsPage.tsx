import { api } from '../../api/client';
import type { Page as ApiPage, RejectedAccount } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { useLoad } from '../../hooks/useLoad';
import { accountName } from './accounts/accountText';
import { useAdminNames } from './useAdminNames';
import { ADMIN_PAGE_SIZE, rangeText, usePageNumber } from './usePageNumber';
import '../../styles/staff.css';

/** /admin/rejections (System Admin): the rejection audit, newest first, and how many there are. */
export default function RejectionsPage() {
  const paging = usePageNumber();
  const count = useLoad((signal) => api.get<{ count: number }>('/api/admin/rejected-users-count/', { signal }), []);
  const list = useLoad(
    (signal) => api.get<ApiPage<RejectedAccount>>('/api/rejected-employees/', { query: { page: paging.page, page_size: ADMIN_PAGE_SIZE }, signal }),
    [paging.page],
  );
  const adminName = useAdminNames();

  return (
    <Page testId="page-rejections" title="Rejected sign-ups">
      <p className="lead" aria-live="polite">
        {count.data ? (
          <>
            <strong>{count.data.count}</strong> sign-up{count.data.count === 1 ? ' has' : 's have'} been rejected.
          </>
        ) : count.error ? (
          <span className="muted">The number of rejections could not be loaded.</span>
        ) : (
          <span className="muted">Counting…</span>
        )}
      </p>
      {list.loading && !list.data ? <Loading label="Loading the rejections…" /> : null}
      {list.error ? <ErrorState title="Could not load the rejections" message={list.error} onRetry={list.reload} /> : null}
      {list.data && !list.error ? (
        list.data.results.length === 0 ? (
          <p className="empty-state">No sign-up has been rejected.</p>
        ) : (
          <>
            <div className="table-wrap card-table" aria-busy={list.loading}>
              <table>
                <caption className="visually-hidden">Rejected sign-ups {rangeText(paging.page, list.data)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Company ID</th>
                    <th scope="col">Department</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Rejected by</th>
                    <th scope="col">When</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.results.map((r) => (
                    <tr key={r.id}>
                      <td data-label="Name">{accountName(r)}</td>
                      <td data-label="Email">{r.email}</td>
                      <td data-label="Company ID">{r.company_id}</td>
                      <td data-label="Department">{r.department}</td>
                      <td data-label="Reason">{r.reason}</td>
                      <td data-label="Rejected by">{adminName(r.rejected_by)}</td>
                      <td data-label="When">
                        <DateTime value={r.rejected_at} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              label="Rejection pages"
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
