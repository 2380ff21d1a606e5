import { useEffect, useState } from 'react';
import type { Account } from '../../../api/types';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field } from '../../../components/Field';
import { useSubmit } from '../../../hooks/useSubmit';
import { rejectAccount } from './accountsApi';
import { accountName } from './accountText';

/** Reject a sign-up with a reason (the account is removed; the audit keeps the reason). */
export function RejectAccountDialog({ account, onClose, onRejected }: { account: Account | null; onClose: () => void; onRejected: (a: Account) => void }) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, fieldErrors, run } = useSubmit();
  useEffect(() => {
    if (account) {
      setReason('');
      setError(null);
    }
  }, [account, setError]);
  return (
    <ConfirmDialog
      open={account !== null}
      title={account ? `Reject ${accountName(account)}` : 'Reject'}
      confirmLabel="Reject sign-up"
      danger
      busy={busy}
      error={error}
      confirmDisabled={reason.trim() === ''}
      onCancel={onClose}
      onConfirm={async () => {
        if (!account) return;
        const done = await run(() => rejectAccount(account.id, reason.trim()));
        if (done) onRejected(account);
      }}
    >
      <p>The account is removed; the reason is kept in the rejection audit.</p>
      <Field label="Reason" name="reason" errors={fieldErrors.reason} required>
        {(control) => <textarea {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </ConfirmDialog>
  );
}
