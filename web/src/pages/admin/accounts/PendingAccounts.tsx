import { useId, useState } from 'react';
import type { Account } from '../../../api/types';
import { DateTime } from '../../../components/DateTime';
import { ErrorState } from '../../../components/ErrorState';
import { FormError } from '../../../components/FormError';
import { Loading } from '../../../components/Loading';
import { Pagination } from '../../../components/Pagination';
import { useLoad } from '../../../hooks/useLoad';
import { useSubmit } from '../../../hooks/useSubmit';
import { ADMIN_PAGE_SIZE, rangeText, usePageNumber } from '../usePageNumber';
import { approveAccount, listAccounts } from './accountsApi';
import { accountName } from './accountText';
import { RejectAccountDialog } from './RejectAccountDialog';

/** Sign-ups waiting for a System Admin: approve, or reject with a reason. */
export function PendingAccounts({ refresh, onChanged }: { refresh: number; onChanged: () => void }) {
  const headingId = useId();
  const paging = usePageNumber();
  const list = useLoad((signal) => listAccounts({ status: 'Pending', page: paging.page, page_size: ADMIN_PAGE_SIZE }, signal), [paging.page, refresh]);
  const approve = useSubmit();
  const [rejecting, setRejecting] = useState<Account | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const changed = (message: string) => {
    setNotice(message);
    if (list.data && list.data.results.length === 1 && paging.page > 1) paging.previous();
    onChanged();
  };

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>Pending sign-ups{list.data?.count ? ` (${list.data.count})` : ''}</h2>
      {notice ? (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      ) : null}
      <FormError error={approve.error} />
      {list.loading && !list.data ? <Loading label="Loading sign-ups…" /> : null}
      {list.error ? <ErrorState title="Could not load the sign-ups" message={list.error} onRetry={list.reload} /> : null}
      {list.data && !list.error ? (
        list.data.results.length === 0 ? (
          <p className="empty-state">No sign-ups are waiting.</p>
        ) : (
          <>
            <div className="table-wrap card-table">
              <table>
                <caption className="visually-hidden">Pending sign-ups {rangeText(paging.page, list.data)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Company ID</th>
                    <th scope="col">Department</th>
                    <th scope="col">Signed up</th>
                    <th scope="col">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.results.map((a) => (
                    <tr key={a.id}>
                      <td data-label="Name">{accountName(a)}</td>
                      <td data-label="Email">{a.email}</td>
                      <td data-label="Company ID">{a.company_id}</td>
                      <td data-label="Department">{a.department}</td>
                      <td data-label="Signed up">
                        <DateTime value={a.date_created} />
                      </td>
                      <td data-label="Decision">
                        <div className="button-row">
                          <button
                            type="button"
                            className="button button--small"
                            disabled={approve.busy}
                            aria-label={`Approve ${accountName(a)}`}
                            onClick={async () => {
                              const done = await approve.run(() => approveAccount(a.id));
                              if (done) changed(`${accountName(a)} is approved and can sign in now.`);
                            }}
                          >
                            Approve
                          </button>
                          <button
                            type="button"
                            className="button button--small button--danger"
                            disabled={approve.busy}
                            aria-label={`Reject ${accountName(a)}`}
                            onClick={() => setRejecting(a)}
                          >
                            Reject
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              label="Pending sign-up pages"
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
      <RejectAccountDialog
        account={rejecting}
        onClose={() => setRejecting(null)}
        onRejected={(a) => {
          setRejecting(null);
          changed(`${accountName(a)}'s sign-up is rejected.`);
        }}
      />
    </section>
  );
}
