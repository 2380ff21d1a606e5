import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { collect, confirmProblem, passwordProblem, requiredProblem } from '../../../auth/validation';
import { CardForm } from '../../../components/CardForm';
import { Field } from '../../../components/Field';
import { NEW_PASSWORD, PasswordFields, usePasswordPair } from '../../../components/PasswordFields';
import { SubmitButton } from '../../../components/SubmitButton';
import { useCheckedSubmit } from '../../../hooks/useSubmit';

/** POST /api/employee/change-password/; the account's other sessions end. */
export function ChangePasswordForm({ rule, minLength }: { rule: string | null; minLength: number | undefined }) {
  const [current, setCurrent] = useState('');
  const { password: next, confirm, clear, fields: passwordFields } = usePasswordPair();
  const [done, setDone] = useState(false);
  const { busy, error, run, check, errors } = useCheckedSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const problems = collect({
      current_password: requiredProblem(current),
      new_password: passwordProblem(next, minLength),
      confirm_password: confirmProblem(next, confirm),
    });
    if (!check(problems)) return;
    const ok = await run(async () => {
      await api.post('/api/employee/change-password/', { current_password: current, new_password: next, confirm_password: confirm });
      return true;
    });
    if (ok) {
      setCurrent('');
      clear();
      setDone(true);
    }
  }

  return (
    <CardForm
      id="password"
      title="Change password"
      onSubmit={onSubmit}
      error={error}
      notice={done ? 'Your password was changed. Other devices signed in to your account were signed out.' : null}
    >
      <Field label="Current password" name="current_password" errors={errors.current_password} required>
        {(p) => <input {...p} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
      </Field>
      <PasswordFields {...passwordFields} {...NEW_PASSWORD} errors={errors} rule={rule} />
      <div className="form__actions">
        <SubmitButton busy={busy} busyLabel="Changing…" label="Change password" />
      </div>
    </CardForm>
  );
}
