import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { FieldErrors } from '../../api/errors';
import { useAuth } from '../../auth/useAuth';
import { homePath } from '../../auth/user';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Page } from '../../components/Page';
import { SubmitButton } from '../../components/SubmitButton';
import { mergeErrors, useSubmit } from '../../hooks/useSubmit';
import { safeNext } from '../../routes/guards';

/** The server's answer for an account that an administrator has not approved yet. */
export function isPendingApproval(detail: string | undefined): boolean {
  return Boolean(detail && /pending approval/i.test(detail));
}

/** One sign-in page for employees and staff alike (POST /api/token/, cookie mode). */
export function LoginPage() {
  const { login, notice } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const { busy, error, fieldErrors, run } = useSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (!email.trim()) missing.email = ['Enter your email address.'];
    if (!password) missing.password = ['Enter your password.'];
    setClientErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const user = await run(() => login(email.trim(), password));
    if (user) navigate(safeNext(params.get('next')) ?? homePath(user.role), { replace: true });
  }

  const pending = error !== null && isPendingApproval(error.detail);
  const errors = mergeErrors(clientErrors, fieldErrors);
  return (
    <Page testId="page-login" title="Sign in" narrow>
      {notice ? (
        <div className="alert alert--info" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      {pending ? (
        <div className="alert alert--info" role="alert" data-testid="login-pending">
          <p>
            <strong>Your account is waiting for approval.</strong>
          </p>
          <p>An administrator must approve your sign-up before you can sign in. You will get an email when that happens.</p>
        </div>
      ) : (
        <FormError error={error} />
      )}
      <form className="form card" onSubmit={onSubmit} noValidate>
        <Field label="Email" name="email" errors={errors.email} required>
          {(p) => <input {...p} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Password" name="password" errors={errors.password} required>
          {(p) => (
            <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <div className="form__actions">
          <SubmitButton busy={busy} busyLabel="Signing in…" label="Sign in" />
        </div>
      </form>
      <ul className="link-list">
        <li>
          <Link to="/forgot-password">Forgot your password?</Link>
        </li>
        <li>
          New here? <Link to="/signup">Create an account</Link>
        </li>
      </ul>
    </Page>
  );
}
