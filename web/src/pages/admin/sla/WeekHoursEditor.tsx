import type { FieldErrors } from '../../../api/errors';
import { Field } from '../../../components/Field';
import { errorsAt, WEEKDAYS, type PolicyDraft, type Weekday, type WorkHours } from './policyDraft';

const TIME_HINT = 'HH:MM, 00:00 to 24:00';

function dayName(day: Weekday): string {
  return day.charAt(0).toUpperCase() + day.slice(1);
}

function TimeField({ label, name, value, errors, onChange }: { label: string; name: string; value: string; errors: string[]; onChange: (v: string) => void }) {
  return (
    <Field label={label} name={name} errors={errors} className="field--compact">
      {(control) => <input {...control} className="time-input" inputMode="numeric" placeholder="HH:MM" maxLength={5} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** The working hours of each week day (none: closed); the server checks order and overlaps. */
export function WeekHoursEditor({ draft, errors, onChange }: { draft: PolicyDraft; errors: FieldErrors; onChange: (d: PolicyDraft) => void }) {
  const setDay = (day: Weekday, hours: WorkHours[]) => onChange({ ...draft, week: { ...draft.week, [day]: hours } });
  const weekErrors = errors['calendar.week'] ?? [];
  return (
    <fieldset className="week-hours">
      <legend>Working hours ({TIME_HINT})</legend>
      {weekErrors.length > 0 ? (
        <ul className="field__errors" id="week-errors">
          {weekErrors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <ul className="week-hours__days">
        {WEEKDAYS.map((day) => {
          const hours = draft.week[day];
          return (
            <li key={day} className="week-hours__day">
              <span className="week-hours__name">{dayName(day)}</span>
              <div className="week-hours__spans">
                {hours.length === 0 ? <span className="muted">Closed</span> : null}
                {hours.map((h, i) => {
                  const path = `calendar.week.${day}[${i}]`;
                  const set = (next: WorkHours) => setDay(day, hours.map((x, j) => (j === i ? next : x)));
                  return (
                    <div key={i} className="week-hours__span">
                      <TimeField label={`${dayName(day)} ${i + 1}: from`} name={`${path}.start`} value={h.start} errors={errorsAt(errors, `${path}.start`)} onChange={(start) => set({ ...h, start })} />
                      <span aria-hidden="true">–</span>
                      <TimeField label={`${dayName(day)} ${i + 1}: to`} name={`${path}.end`} value={h.end} errors={errorsAt(errors, `${path}.end`)} onChange={(end) => set({ ...h, end })} />
                      <button type="button" className="button button--secondary button--small" onClick={() => setDay(day, hours.filter((_, j) => j !== i))}>
                        Remove<span className="visually-hidden"> {dayName(day)} hours {i + 1}</span>
                      </button>
                    </div>
                  );
                })}
              </div>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setDay(day, [...hours, hours.length === 0 ? { start: '09:00', end: '17:00' } : { start: '', end: '' }])}
              >
                Add hours<span className="visually-hidden"> on {dayName(day)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
