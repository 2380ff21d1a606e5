import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Account } from '../../api/types';
import { collect, confirmProblem, emailProblem, passwordProblem, requiredProblem } from '../../auth/validation';
import { useCatalog } from '../../catalog/useCatalog';
import { DepartmentField } from '../../components/DepartmentField';
import { ErrorState } from '../../components/ErrorState';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { NameFields, type Names } from '../../components/NameFields';
import { EMPTY_NAMES, nameProblems, newAccountNames } from '../../components/names';
import { Page } from '../../components/Page';
import { PasswordFields, usePasswordPair } from '../../components/PasswordFields';
import { SubmitButton } from '../../components/SubmitButton';
import { useCheckedSubmit } from '../../hooks/useSubmit';

const COMPANY_ID = /^MA\d{4,}$/;

export default function SignUpPage() {
  const { catalog, error: catalogError, retry } = useCatalog();
  const [names, setNames] = useState<Names>(EMPTY_NAMES);
  const [email, setEmail] = useState('');
  const [companyId, setCompanyId] = useState('');
  const [department, setDepartment] = useState('');
  const { password, confirm, fields: passwordFields } = usePasswordPair();
  const [created, setCreated] = useState<Account | null>(null);
  const { busy, error, run, check, errors } = useCheckedSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems = collect({
      email: emailProblem(email),
      ...nameProblems(names),
      company_id: companyId.trim() && !COMPANY_ID.test(companyId.trim()) ? 'Must be MA followed by at least 4 digits.' : null,
      department: requiredProblem(department),
      password: passwordProblem(password, catalog?.password.min_length),
      confirm_password: confirmProblem(password, confirm),
    });
    if (!check(problems)) return;
    const body = {
      email: email.trim(),
      ...newAccountNames(names),
      company_id: companyId.trim() || undefined,
      department,
      password,
      confirm_password: confirm,
    };
    const account = await run(() => api.post<Account>('/api/create_employee/', body));
    if (account) setCreated(account);
  }

  if (created) {
    return (
      <Page testId="page-signup" title="Account created" narrow>
        <div className="alert alert--success" role="status">
          <p>
            <strong>Thank you, {created.first_name}. Your account is pending approval.</strong>
          </p>
          <p>
            An administrator must approve your sign-up before you can sign in. You will get an email at {created.email} when
            it is approved.
          </p>
          {created.company_id ? <p>Your company ID is {created.company_id}.</p> : null}
        </div>
        <p>
          <Link to="/login">Go to the sign-in page</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page testId="page-signup" title="Create an account">
      <p className="muted">Employees sign up here. An administrator approves each new account before it can sign in.</p>
      {catalogError ? <ErrorState message={catalogError} onRetry={retry} title="Could not load the form's choices" /> : null}
      {!catalog && !catalogError ? <Loading label="Loading the form…" /> : null}
      <FormError error={error} />
      <form className="form card" onSubmit={onSubmit} noValidate>
        <NameFields value={names} onChange={setNames} errors={errors} suffixes={catalog?.suffixes ?? []} />
        <div className="form__row">
          <Field label="Email" name="email" errors={errors.email} required>
            {(p) => <input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field
            label="Company ID (optional)"
            name="company_id"
            errors={errors.company_id}
            hint="MA followed by at least 4 digits. Leave it empty to be given one."
          >
            {(p) => <input {...p} autoComplete="off" value={companyId} onChange={(e) => setCompanyId(e.target.value)} />}
          </Field>
        </div>
        <DepartmentField
          value={department}
          onChange={setDepartment}
          errors={errors.department}
          departments={catalog?.departments ?? []}
          placeholder="Choose your department"
        />
        <PasswordFields {...passwordFields} errors={errors} rule={catalog?.password.rule ?? null} />
        <div className="form__actions">
          <SubmitButton busy={busy} busyLabel="Creating your account…" label="Create account" />
          <span>
            Already have an account? <Link to="/login">Sign in</Link>
          </span>
        </div>
      </form>
    </Page>
  );
}
