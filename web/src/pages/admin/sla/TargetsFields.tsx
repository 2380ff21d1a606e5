import type { FieldErrors } from '../../../api/errors';
import type { SlaSpan } from '../../../api/types';
import { Field } from '../../../components/Field';
import { Options } from '../../../components/Options';
import { errorsAt, UNITS, type TargetsDraft } from './policyDraft';

/** One target's amount and unit, labelled for screen readers ("High: first response"). */
function SpanFields({ label, name, span, errors, onChange }: { label: string; name: string; span: SlaSpan; errors: string[]; onChange: (span: SlaSpan) => void }) {
  return (
    <Field label={label} name={name} errors={errors} className="field--compact">
      {(control) => (
        <span className="span-input">
          <input
            {...control}
            type="number"
            min={1}
            max={10000}
            inputMode="numeric"
            value={Number.isFinite(span.amount) ? span.amount : ''}
            onChange={(e) => onChange({ ...span, amount: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
          />
          <select aria-label={`${label}: unit`} value={span.unit} onChange={(e) => onChange({ ...span, unit: e.target.value as SlaSpan['unit'] })}>
            <Options values={UNITS} />
          </select>
        </span>
      )}
    </Field>
  );
}

const SPANS = [
  { key: 'first_response', label: 'First response' },
  { key: 'resolution', label: 'Resolution' },
] as const;

/**
 * The cells of one row of targets (first response, resolution, around the
 * clock); `path` is where the server names its errors ("targets.High",
 * "overrides[0]"), `who` what the labels say ("High", "Override 1").
 */
export function TargetsCells({ who, path, targets, errors, onChange }: { who: string; path: string; targets: TargetsDraft; errors: FieldErrors; onChange: (t: TargetsDraft) => void }) {
  return (
    <>
      {SPANS.map(({ key, label }) => (
        <td key={key} data-label={label}>
          <SpanFields
            label={`${who}: ${label.toLowerCase()}`}
            name={`${path}.${key}`}
            span={targets[key]}
            errors={errorsAt(errors, `${path}.${key}`)}
            onChange={(span) => onChange({ ...targets, [key]: span })}
          />
        </td>
      ))}
      <td data-label="Around the clock">
        <label className="checkbox">
          <input type="checkbox" checked={targets.around_the_clock} onChange={(e) => onChange({ ...targets, around_the_clock: e.target.checked })} />
          <span className="visually-hidden">{who}: </span>
          count every hour
        </label>
        {errorsAt(errors, `${path}.around_the_clock`).map((m) => (
          <p key={m} className="field__errors">
            {m}
          </p>
        ))}
      </td>
    </>
  );
}
