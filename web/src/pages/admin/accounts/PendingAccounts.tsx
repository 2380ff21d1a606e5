import { useId, useState } from 'react';
import type { Account } from '../../../api/types';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { FormError } from '../../../components/FormError';
import { Notice } from '../../../components/Notice';
import { useLoad } from '../../../hooks/useLoad';
import { useSubmit } from '../../../hooks/useSubmit';
import { ListState } from '../ListState';
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

  const columns: Column<Account>[] = [
    { header: 'Name', cell: (a) => accountName(a) },
    { header: 'Email', cell: (a) => a.email },
    { header: 'Company ID', cell: (a) => a.company_id },
    { header: 'Department', cell: (a) => a.department },
    { header: 'Signed up', cell: (a) => <DateTime value={a.date_created} /> },
    {
      header: 'Decision',
      cell: (a) => (
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
      ),
    },
  ];

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>Pending sign-ups{list.data?.count ? ` (${list.data.count})` : ''}</h2>
      <Notice text={notice} />
      <FormError error={approve.error} />
      <ListState
        list={list}
        paging={paging}
        loadingLabel="Loading sign-ups…"
        errorTitle="Could not load the sign-ups"
        empty="No sign-ups are waiting."
        pagesLabel="Pending sign-up pages"
      >
        {(data) => <DataTable caption={`Pending sign-ups ${rangeText(paging.page, data)}`} columns={columns} rows={data.results} />}
      </ListState>
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
