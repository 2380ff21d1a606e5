import { useEffect, useState } from 'react';
import type { Account, AccountUpdate, Catalog, Role } from '../../../api/types';
import { collect, requiredProblem } from '../../../auth/validation';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DepartmentField } from '../../../components/DepartmentField';
import { Field } from '../../../components/Field';
import { NameFields, type Names } from '../../../components/NameFields';
import { Notice } from '../../../components/Notice';
import { nameProblems } from '../../../components/names';
import { Options } from '../../../components/Options';
import { useCheckedSubmit } from '../../../hooks/useSubmit';
import { AccountActivation } from './AccountActivation';
import { changeRole, updateAccount } from './accountAdminApi';
import { AccountHistory } from './AccountHistory';
import { accountName, ROLES } from './accountText';
import '../../../styles/editing.css';

function namesOf(a: Account): Names {
  return { first_name: a.first_name, middle_name: a.middle_name ?? '', last_name: a.last_name, suffix: a.suffix ?? '' };
}

/** Only what differs from the account; a cleared middle name or suffix is sent as null. */
export function accountChange(a: Account, names: Names, department: string): AccountUpdate {
  const out: AccountUpdate = {};
  if (names.first_name.trim() !== a.first_name) out.first_name = names.first_name.trim();
  if (names.last_name.trim() !== a.last_name) out.last_name = names.last_name.trim();
  if (names.middle_name.trim() !== (a.middle_name ?? '')) out.middle_name = names.middle_name.trim() || null;
  if (names.suffix !== (a.suffix ?? '')) out.suffix = names.suffix || null;
  if (department !== a.department) out.department = department;
  return out;
}

/**
 * Manage one account (System Admin): names and department, role, access
 * (deactivate/reactivate) and its history. "Save changes" sends the edit and
 * the role change, each only when something changed.
 */
export function AccountDialog({
  account,
  catalog,
  nameOf,
  onClose,
  onChanged,
}: {
  account: Account | null;
  catalog: Catalog | null;
  nameOf: (id: number | null) => string;
  onClose: () => void;
  /** An answer from the server; `closing` when the dialog's work is done. */
  onChanged: (a: Account, message: string, closing: boolean) => void;
}) {
  const [names, setNames] = useState<Names>({ first_name: '', middle_name: '', last_name: '', suffix: '' });
  const [department, setDepartment] = useState('');
  const [role, setRole] = useState<Role>('Employee');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run, check, errors } = useCheckedSubmit();
  const id = account?.id;

  useEffect(() => {
    if (!account) return;
    setNames(namesOf(account));
    setDepartment(account.department);
    setRole(account.role);
    setNotice(null);
    setError(null);
    check({});
    // Only when another account is opened; answers for this one keep the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  async function save() {
    if (!account) return;
    if (!check(collect({ ...nameProblems(names), department: requiredProblem(department) }))) return;
    const change = accountChange(account, names, department);
    const done = await run(async () => {
      let latest = account;
      if (Object.keys(change).length > 0) latest = await updateAccount(account.id, change);
      if (role !== account.role) {
        try {
          latest = await changeRole(account.id, role);
        } catch (e) {
          // The names went in: keep the dialog in step with the server before showing the refusal.
          if (latest !== account) onChanged(latest, '', false);
          throw e;
        }
      }
      return latest;
    });
    if (done) onChanged(done, `${accountName(done)} is saved.`, true);
  }

  const unchanged = account !== null && Object.keys(accountChange(account, names, department)).length === 0 && role === account.role;
  return (
    <ConfirmDialog
      open={account !== null}
      title={account ? `Manage ${accountName(account)}` : 'Manage account'}
      confirmLabel="Save changes"
      cancelLabel="Close"
      busy={busy}
      error={error}
      confirmDisabled={unchanged}
      onCancel={onClose}
      onConfirm={() => void save()}
    >
      {account ? (
        <div className="form account-dialog">
          <p className="muted">
            {account.email} · {account.company_id} · {account.status}
          </p>
          <Notice text={notice} />
          <NameFields value={names} onChange={setNames} errors={errors} suffixes={catalog?.suffixes ?? []} />
          <DepartmentField value={department} onChange={setDepartment} errors={errors.department} departments={catalog?.departments ?? [account.department]} placeholder="Choose a department" />
          <Field label="Role" name="role" errors={errors.role} hint="Staff roles work the queue; a System Admin also manages accounts and settings.">
            {(control) => (
              <select {...control} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                <Options values={catalog?.roles ?? ROLES} />
              </select>
            )}
          </Field>
          <AccountActivation
            key={`${account.id}-${String(account.is_active)}`}
            account={account}
            onChanged={(a, message) => {
              setNotice(message);
              onChanged(a, message, false);
            }}
          />
          <AccountHistory key={`${account.id}-${String(account.is_active)}-${account.role}`} accountId={account.id} nameOf={nameOf} />
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
