import { useState, type FormEvent } from 'react';
import { changeSlaPolicy } from '../../../api/sla';
import type { SlaPolicy } from '../../../api/types';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../hooks/useSubmit';
import { HolidaysEditor } from './HolidaysEditor';
import { OverridesTable } from './OverridesTable';
import { changeFrom, draftFrom, errorsAt, PAUSABLE, type PolicyDraft } from './policyDraft';
import { TargetsTable } from './TargetsTable';
import { WeekHoursEditor } from './WeekHoursEditor';

function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
}

/**
 * The whole policy in one form: targets, overrides, the at-risk share, the
 * pausing statuses and the business calendar. Saving stores the next version
 * (the server's answer replaces the form); a refusal marks each field at fault.
 */
export function PolicyForm({ policy, departments, onSaved }: { policy: SlaPolicy; departments: readonly string[]; onSaved: (p: SlaPolicy) => void }) {
  const [draft, setDraft] = useState<PolicyDraft>(() => draftFrom(policy));
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const { busy, error, fieldErrors, run } = useSubmit();
  const [zones] = useState(timeZones);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSavedVersion(null);
    const saved = await run(() => changeSlaPolicy(changeFrom(draft)));
    if (saved) {
      setDraft(draftFrom(saved));
      setSavedVersion(saved.version ?? null);
      onSaved(saved);
    }
  }

  const togglePausing = (status: string, on: boolean) =>
    setDraft({ ...draft, pausing_statuses: on ? [...draft.pausing_statuses, status] : draft.pausing_statuses.filter((s) => s !== status) });

  return (
    <form className="form sla-form" onSubmit={onSubmit} noValidate aria-label="SLA policy">
      <p className="muted" data-testid="sla-version">
        Version {policy.version ?? 0}
        {policy.version && policy.created_at ? (
          <>
            , saved <DateTime value={policy.created_at} />
          </>
        ) : (
          ', the built-in policy'
        )}
        . Tickets keep the version they were first measured under.
      </p>
      <FormError error={error} />
      {savedVersion !== null ? (
        <div className="alert alert--success" role="status">
          <p>Saved as version {savedVersion}. New tickets are measured under it.</p>
        </div>
      ) : null}

      <section className="card" aria-labelledby="sla-targets-title">
        <h3 id="sla-targets-title">Targets by priority</h3>
        <TargetsTable draft={draft} errors={fieldErrors} onChange={setDraft} />
      </section>

      <section className="card" aria-labelledby="sla-overrides-title">
        <h3 id="sla-overrides-title">Department overrides</h3>
        <OverridesTable draft={draft} departments={departments} errors={fieldErrors} onChange={setDraft} />
      </section>

      <section className="card" aria-labelledby="sla-clocks-title">
        <h3 id="sla-clocks-title">Warnings and pauses</h3>
        <div className="form__row">
          <Field label="At risk after (% of the target used)" name="at_risk_percent" errors={errorsAt(fieldErrors, 'at_risk_percent')} hint="1 to 99">
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={99}
                value={Number.isFinite(draft.at_risk_percent) ? draft.at_risk_percent : ''}
                onChange={(e) => setDraft({ ...draft, at_risk_percent: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
              />
            )}
          </Field>
          <fieldset className="checkbox-group" aria-describedby={fieldErrors.pausing_statuses ? 'pausing-errors' : undefined}>
            <legend>Statuses that pause the resolution clock</legend>
            {PAUSABLE.map((s) => (
              <label key={s} className="checkbox">
                <input type="checkbox" checked={draft.pausing_statuses.includes(s)} onChange={(e) => togglePausing(s, e.target.checked)} /> {s}
              </label>
            ))}
            {fieldErrors.pausing_statuses ? (
              <ul className="field__errors" id="pausing-errors">
                {fieldErrors.pausing_statuses.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </fieldset>
        </div>
      </section>

      <section className="card" aria-labelledby="sla-calendar-title">
        <h3 id="sla-calendar-title">Business calendar</h3>
        <p className="muted">Targets not counted around the clock run only in these working hours, outside holidays.</p>
        <Field label="Time zone" name="calendar.time_zone" errors={errorsAt(fieldErrors, 'calendar.time_zone')} hint="An IANA name, e.g. Europe/Berlin">
          {(control) => (
            <>
              <input {...control} list="sla-time-zones" autoComplete="off" value={draft.time_zone} onChange={(e) => setDraft({ ...draft, time_zone: e.target.value })} />
              <datalist id="sla-time-zones">
                {zones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <WeekHoursEditor draft={draft} errors={fieldErrors} onChange={setDraft} />
        <HolidaysEditor draft={draft} errors={fieldErrors} onChange={setDraft} />
      </section>

      <div className="form__actions">
        <SubmitButton busy={busy} busyLabel="Saving…" label="Save the policy" />
      </div>
    </form>
  );
}
