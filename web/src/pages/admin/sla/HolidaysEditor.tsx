import { useState } from 'react';
import type { FieldErrors } from '../../../api/errors';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import { errorsAt, type PolicyDraft } from './policyDraft';

/** Days off in the business calendar: add a date, remove one; kept sorted and once each. */
export function HolidaysEditor({ draft, errors, onChange }: { draft: PolicyDraft; errors: FieldErrors; onChange: (d: PolicyDraft) => void }) {
  const [day, setDay] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      setProblem('Choose a date first.');
      return;
    }
    setProblem(null);
    if (!draft.holidays.includes(day)) onChange({ ...draft, holidays: [...draft.holidays, day].sort() });
    setDay('');
  };
  const listErrors = errors['calendar.holidays'] ?? [];
  return (
    <fieldset className="holidays">
      <legend>Holidays</legend>
      {draft.holidays.length === 0 ? <p className="muted">No holiday.</p> : null}
      <ul className="holidays__list">
        {draft.holidays.map((h, i) => (
          <li key={h}>
            <DateTime value={h} />
            <button type="button" className="button button--secondary button--small" onClick={() => onChange({ ...draft, holidays: draft.holidays.filter((x) => x !== h) })}>
              Remove<span className="visually-hidden"> {h}</span>
            </button>
            {errorsAt(errors, `calendar.holidays[${i}]`).map((m) => (
              <span key={m} className="field__errors">
                {m}
              </span>
            ))}
          </li>
        ))}
      </ul>
      {listErrors.length > 0 ? (
        <ul className="field__errors">
          {listErrors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <div className="holidays__add">
        <Field label="New holiday" name="holiday" errors={problem ? [problem] : undefined}>
          {(control) => <input {...control} type="date" value={day} onChange={(e) => setDay(e.target.value)} />}
        </Field>
        <button type="button" className="button button--secondary" onClick={add}>
          Add holiday
        </button>
      </div>
    </fieldset>
  );
}
