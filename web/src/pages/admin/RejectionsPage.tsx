import { api } from '../../api/client';
import type { Page as ApiPage, RejectedAccount } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { DataTable, type Column } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { useLoad } from '../../hooks/useLoad';
import { accountName } from './accounts/accountText';
import { ListState } from './ListState';
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
  const columns: Column<RejectedAccount>[] = [
    { header: 'Name', cell: (r) => accountName(r) },
    { header: 'Email', cell: (r) => r.email },
    { header: 'Company ID', cell: (r) => r.company_id },
    { header: 'Department', cell: (r) => r.department },
    { header: 'Reason', cell: (r) => r.reason },
    { header: 'Rejected by', cell: (r) => adminName(r.rejected_by) },
    { header: 'When', cell: (r) => <DateTime value={r.rejected_at} /> },
  ];

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
      <ListState
        list={list}
        paging={paging}
        loadingLabel="Loading the rejections…"
        errorTitle="Could not load the rejections"
        empty="No sign-up has been rejected."
        pagesLabel="Rejection pages"
      >
        {(data) => <DataTable caption={`Rejected sign-ups ${rangeText(paging.page, data)}`} columns={columns} rows={data.results} busy={list.loading} />}
      </ListState>
    </Page>
  );
}
