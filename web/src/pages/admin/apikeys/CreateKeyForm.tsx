import { useState, type FormEvent } from 'react';
import type { CreatedApiKey } from '../../../api/types';
import { requiredProblem } from '../../../auth/validation';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { SubmitButton } from '../../../components/SubmitButton';
import { mergeErrors, useSubmit } from '../../../hooks/useSubmit';
import { createApiKey } from './apiKeysApi';

const MAX_NAME = 100;

/** Names and makes a key; the parent shows the answer's key once. */
export function CreateKeyForm({ onCreated }: { onCreated: (made: CreatedApiKey) => void }) {
  const [name, setName] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const { busy, error, fieldErrors, run } = useSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problem = requiredProblem(name) ?? (name.trim().length > MAX_NAME ? `Use at most ${MAX_NAME} characters.` : null);
    setClientErrors(problem ? { name: [problem] } : {});
    if (problem) return;
    const made = await run(() => createApiKey(name.trim()));
    if (made) {
      setName('');
      onCreated(made);
    }
  }

  const errors = mergeErrors(clientErrors, fieldErrors);
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="Create an API key">
      <FormError error={error} />
      <Field label="Key name" name="name" errors={errors.name} required hint="Say which system uses it, e.g. “Workflow engine (production)”.">
        {(p) => <input {...p} maxLength={MAX_NAME} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <div className="form__actions">
        <SubmitButton busy={busy} busyLabel="Creating…" label="Create key" />
      </div>
    </form>
  );
}
