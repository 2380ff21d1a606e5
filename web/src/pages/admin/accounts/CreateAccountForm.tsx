import { useState, type FormEvent } from 'react';
import type { Account, Catalog } from '../../../api/types';
import { collect, emailProblem, nameProblem, requiredProblem } from '../../../auth/validation';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { NameFields, type Names } from '../../../components/NameFields';
import { mergeErrors, useSubmit } from '../../../hooks/useSubmit';
import { createAccount } from './accountsApi';
import { accountName } from './accountText';

const ROLES = ['Employee', 'Ticket Coordinator', 'System Admin'];
const EMPTY_NAMES: Names = { first_name: '', middle_name: '', last_name: '', suffix: '' };

/**
 * POST /api/admin/create-employee/: an approved account without a password;
 * the server mails the person a link to set one.
 */
export function CreateAccountForm({ catalog, onCreated }: { catalog: Catalog | null; onCreated: (a: Account) => void }) {
  const [email, setEmail] = useState('');
  const [names, setNames] = useState<Names>(EMPTY_NAMES);
  const [department, setDepartment] = useState('');
  const [role, setRole] = useState('Employee');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<Account | null>(null);
  const { busy, error, fieldErrors, run } = useSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    const problems = collect({
      email: emailProblem(email),
      first_name: nameProblem(names.first_name),
      middle_name: nameProblem(names.middle_name, false),
      last_name: nameProblem(names.last_name),
      department: requiredProblem(department),
    });
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const account = await run(() =>
      createAccount({
        email: email.trim(),
        first_name: names.first_name.trim(),
        middle_name: names.middle_name.trim() || undefined,
        last_name: names.last_name.trim(),
        suffix: names.suffix || undefined,
        department,
        role,
      }),
    );
    if (account) {
      setCreated(account);
      setEmail('');
      setNames(EMPTY_NAMES);
      setDepartment('');
      setRole('Employee');
      onCreated(account);
    }
  }

  const errors = mergeErrors(clientErrors, fieldErrors);
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="Create an account">
      <p className="muted">
        The account is approved at once. It has no password: the person gets an email with a link to set one (the link works once and
        expires).
      </p>
      {created ? (
        <div className="alert alert--success" role="status">
          <p>
            Account created for <strong>{accountName(created)}</strong> ({created.company_id}). A link to set a password was mailed to{' '}
            <strong>{created.email}</strong>.
          </p>
        </div>
      ) : null}
      <FormError error={error} />
      <Field label="Email" name="email" errors={errors.email} required>
        {(p) => <input {...p} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <NameFields value={names} onChange={setNames} errors={errors} suffixes={catalog?.suffixes ?? []} />
      <div className="form__row">
        <Field label="Department" name="department" errors={errors.department} required>
          {(p) => (
            <select {...p} value={department} onChange={(e) => setDepartment(e.target.value)}>
              <option value="">Choose a department</option>
              {(catalog?.departments ?? []).map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Role" name="role" errors={errors.role} required>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value)}>
              {(catalog?.roles ?? ROLES).map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </div>
    </form>
  );
}
