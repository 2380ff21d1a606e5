import { useState, type FormEvent } from 'react';
import type { Account, Catalog } from '../../../api/types';
import { collect, emailProblem, requiredProblem } from '../../../auth/validation';
import { DepartmentField } from '../../../components/DepartmentField';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { NameFields, type Names } from '../../../components/NameFields';
import { EMPTY_NAMES, nameProblems, newAccountNames } from '../../../components/names';
import { Options } from '../../../components/Options';
import { SubmitButton } from '../../../components/SubmitButton';
import { useCheckedSubmit } from '../../../hooks/useSubmit';
import { createAccount } from './accountsApi';
import { accountName, ROLES } from './accountText';


/**
 * POST /api/admin/create-employee/: an approved account without a password;
 * the server mails the person a link to set one.
 */
export function CreateAccountForm({ catalog, onCreated }: { catalog: Catalog | null; onCreated: (a: Account) => void }) {
  const [email, setEmail] = useState('');
  const [names, setNames] = useState<Names>(EMPTY_NAMES);
  const [department, setDepartment] = useState('');
  const [role, setRole] = useState('Employee');
  const [created, setCreated] = useState<Account | null>(null);
  const { busy, error, run, check, errors } = useCheckedSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    const problems = collect({
      email: emailProblem(email),
      ...nameProblems(names),
      department: requiredProblem(department),
    });
    if (!check(problems)) return;
    const account = await run(() =>
      createAccount({
        email: email.trim(),
        ...newAccountNames(names),
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
        <DepartmentField
          value={department}
          onChange={setDepartment}
          errors={errors.department}
          departments={catalog?.departments ?? []}
          placeholder="Choose a department"
        />
        <Field label="Role" name="role" errors={errors.role} required>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value)}>
              <Options values={catalog?.roles ?? ROLES} />
            </select>
          )}
        </Field>
      </div>
      <div className="form__actions">
        <SubmitButton busy={busy} busyLabel="Creating…" label="Create account" />
      </div>
    </form>
  );
}
