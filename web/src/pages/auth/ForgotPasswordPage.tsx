import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { collect, emailProblem } from '../../auth/validation';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Page } from '../../components/Page';
import { SubmitButton } from '../../components/SubmitButton';
import { useCheckedSubmit } from '../../hooks/useSubmit';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, run, check, errors } = useCheckedSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems = collect({ email: emailProblem(email) });
    if (!check(problems)) return;
    const done = await run(async () => {
      await api.post('/api/employee/forgot-password/', { email: email.trim() });
      return true;
    });
    if (done) setSent(true);
  }

  return (
    <Page testId="page-forgot-password" title="Forgot password" narrow>
      {sent ? (
        <div className="alert alert--success" role="status">
          <p>
            <strong>Check your email.</strong> If an approved account uses {email.trim()}, a link to choose a new password is on
            its way. The link works once and expires soon.
          </p>
        </div>
      ) : (
        <>
          <p>Enter the email address of your account. We will send you a link to choose a new password.</p>
          <FormError error={error} />
          <form className="form card" onSubmit={onSubmit} noValidate>
            <Field label="Email" name="email" errors={errors.email} required>
              {(p) => <input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
            </Field>
            <div className="form__actions">
              <SubmitButton busy={busy} busyLabel="Sending…" label="Send reset link" />
            </div>
          </form>
        </>
      )}
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </Page>
  );
}
