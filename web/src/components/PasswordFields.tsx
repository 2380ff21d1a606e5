import { useState } from 'react';
import { Field } from './Field';

/** The field names and label of a password being replaced (`new_password`). */
export const NEW_PASSWORD = { passwordName: 'new_password', label: 'New password' } as const;

/**
 * The state of a new password and its confirmation: `password` and `confirm`
 * for the request, `clear()` after a success, and `fields` to spread on
 * `PasswordFields`.
 */
export function usePasswordPair() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const clear = () => {
    setPassword('');
    setConfirm('');
  };
  return { password, confirm, clear, fields: { password, confirm, onPassword: setPassword, onConfirm: setConfirm } };
}

/** A new password and its confirmation, with the rule shown under the first. */
export function PasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  errors,
  rule,
  passwordName = 'password',
  label = 'Password',
}: {
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  errors: Record<string, string[]>;
  rule: string | null;
  /** The API's field name for the password (`password` or `new_password`). */
  passwordName?: string;
  label?: string;
}) {
  return (
    <>
      <Field
        label={label}
        name={passwordName}
        errors={errors[passwordName]}
        hint={rule ?? 'At least 8 characters, with an upper-case and a lower-case letter, a digit and a symbol.'}
        required
      >
        {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => onPassword(e.target.value)} />}
      </Field>
      <Field label={`Confirm ${label.toLowerCase()}`} name="confirm_password" errors={errors.confirm_password} required>
        {(p) => <input {...p} type="password" autoComplete="new-password" value={confirm} onChange={(e) => onConfirm(e.target.value)} />}
      </Field>
    </>
  );
}
