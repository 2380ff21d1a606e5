import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import type { Account } from '../../../api/types';
import { collect } from '../../../auth/validation';
import { CardForm } from '../../../components/CardForm';
import { NameFields, type Names } from '../../../components/NameFields';
import { nameProblems } from '../../../components/names';
import { SubmitButton } from '../../../components/SubmitButton';
import { useCheckedSubmit } from '../../../hooks/useSubmit';

/** PATCH /api/employee/profile/ with the names and suffix. */
export function EditNamesForm({ account, suffixes, onSaved }: { account: Account; suffixes: readonly string[]; onSaved: (a: Account) => void }) {
  const [names, setNames] = useState<Names>({
    first_name: account.first_name,
    middle_name: account.middle_name ?? '',
    last_name: account.last_name,
    suffix: account.suffix ?? '',
  });
  const [saved, setSaved] = useState(false);
  const { busy, error, run, check, errors } = useCheckedSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const problems = collect(nameProblems(names));
    if (!check(problems)) return;
    const body = {
      first_name: names.first_name.trim(),
      middle_name: names.middle_name.trim(),
      last_name: names.last_name.trim(),
      suffix: names.suffix,
    };
    const updated = await run(() => api.patch<Account>('/api/employee/profile/', body));
    if (updated) {
      setSaved(true);
      onSaved(updated);
    }
  }

  return (
    <CardForm id="names" title="Your name" onSubmit={onSubmit} error={error} notice={saved ? 'Your name was saved.' : null}>
      <NameFields value={names} onChange={setNames} errors={errors} suffixes={suffixes} />
      <div className="form__actions">
        <SubmitButton busy={busy} busyLabel="Saving…" label="Save name" />
      </div>
    </CardForm>
  );
}
