import { useLayoutEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../../api/client';
import { collect, confirmProblem, passwordProblem } from '../../auth/validation';
import { useCatalog } from '../../catalog/useCatalog';
import { FormError } from '../../components/FormError';
import { Page } from '../../components/Page';
import { NEW_PASSWORD, PasswordFields, usePasswordPair } from '../../components/PasswordFields';
import { SubmitButton } from '../../components/SubmitButton';
import { useCheckedSubmit } from '../../hooks/useSubmit';

/**
 * Reads the single-use `token` from the query and at once takes it out of the
 * address bar (history.replaceState), so it is not left in the history, a
 * bookmark or a screenshot; index.html's no-referrer meta keeps it out of
 * Referer headers.
 */
export function useTokenFromQuery(): string | null {
  const location = useLocation();
  const [token] = useState(() => new URLSearchParams(location.search).get('token'));
  useLayoutEffect(() => {
    if (new URLSearchParams(window.location.search).has('token')) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);
  return token;
}

/** The reset-password and set-password pages: a new password with the mailed token. */
export function PasswordTokenForm({ title, intro }: { title: string; intro: string }) {
  const token = useTokenFromQuery();
  const { catalog } = useCatalog();
  const { password, confirm, fields: passwordFields } = usePasswordPair();
  const [done, setDone] = useState(false);
  const { busy, error, fieldErrors, run, check, errors } = useCheckedSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems = collect({
      new_password: passwordProblem(password, catalog?.password.min_length),
      confirm_password: confirmProblem(password, confirm),
    });
    if (!check(problems) || !token) return;
    const ok = await run(async () => {
      await api.post('/api/employee/reset-password/', { token, new_password: password, confirm_password: confirm });
      return true;
    });
    if (ok) setDone(true);
  }

  if (!token) {
    return (
      <Page testId="page-reset-password" title={title} narrow>
        <div className="alert alert--error" role="alert">
          <p>This link is incomplete: it has no token. Open the link from your email again, or ask for a new one.</p>
        </div>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </Page>
    );
  }

  if (done) {
    return (
      <Page testId="page-reset-password" title={title} narrow>
        <div className="alert alert--success" role="status">
          <p>Your password was set. Sign in with it.</p>
        </div>
        <p>
          <Link to="/login" className="button">
            Go to sign in
          </Link>
        </p>
      </Page>
    );
  }

  const tokenProblem = fieldErrors.token?.length ? fieldErrors.token.join(' ') : null;
  return (
    <Page testId="page-reset-password" title={title} narrow>
      <p>{intro}</p>
      {tokenProblem ? (
        <div className="alert alert--error" role="alert">
          <p>
            {tokenProblem} <Link to="/forgot-password">Ask for a new link</Link>.
          </p>
        </div>
      ) : (
        <FormError error={error} />
      )}
      <form className="form card" onSubmit={onSubmit} noValidate>
        <PasswordFields {...passwordFields} {...NEW_PASSWORD} errors={errors} rule={catalog?.password.rule ?? null} />
        <div className="form__actions">
          <SubmitButton busy={busy} busyLabel="Saving…" label="Set password" />
        </div>
      </form>
    </Page>
  );
}
