import { useState } from 'react';
import type { Account } from '../../../api/types';
import { FormError } from '../../../components/FormError';
import { useSubmit } from '../../../hooks/useSubmit';
import { deactivateAccount, reactivateAccount } from './accountAdminApi';
import { accountName } from './accountText';

/** Deactivate or reactivate, each behind an explicit confirmation. */
export function AccountActivation({ account, onChanged }: { account: Account; onChanged: (a: Account, message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, setError, run } = useSubmit();
  const name = accountName(account);
  const active = account.is_active;

  async function apply() {
    const done = await run(() => (active ? deactivateAccount(account.id) : reactivateAccount(account.id)));
    if (done) {
      setConfirming(false);
      onChanged(done, active ? `${name} is deactivated: signed out everywhere, and cannot sign in.` : `${name} is active again and can sign in.`);
    }
  }

  return (
    <section className="account-dialog__section" aria-label="Access">
      <h3>Access</h3>
      <p>
        {active ? (
          <>
            <span className="badge badge--account-approved">Active</span> {name} can sign in.
          </>
        ) : (
          <>
            <span className="badge badge--account-inactive">Deactivated</span> {name} cannot sign in.
          </>
        )}
      </p>
      {confirming ? (
        <div className="confirm-inline" role="group" aria-label={active ? 'Confirm deactivation' : 'Confirm reactivation'}>
          <p>
            {active
              ? `Deactivate ${name}? Their sessions end at once, and tickets assigned to them go back to the queue.`
              : `Reactivate ${name}? They can sign in again with their password.`}
          </p>
          <FormError error={error} />
          <div className="button-row">
            <button type="button" className={`button button--small${active ? ' button--danger' : ''}`} disabled={busy} onClick={() => void apply()}>
              {busy ? 'Working…' : active ? 'Yes, deactivate' : 'Yes, reactivate'}
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                setError(null);
              }}
            >
              {active ? 'Keep active' : 'Keep deactivated'}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={`button button--small${active ? ' button--danger' : ' button--secondary'}`} onClick={() => setConfirming(true)}>
          {active ? 'Deactivate…' : 'Reactivate…'}
        </button>
      )}
    </section>
  );
}
