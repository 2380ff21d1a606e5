import type { FieldErrors } from '../../../api/errors';
import { Field } from '../../../components/Field';
import { Options } from '../../../components/Options';
import { errorsAt, newOverride, PRIORITIES, type OverrideDraft, type PolicyDraft } from './policyDraft';
import { TargetsCells } from './TargetsFields';

/** A select labelled for screen readers, with the server's messages for `name` beside it. */
function ChoiceField(props: { label: string; name: string; value: string; choices: readonly string[]; errors: FieldErrors; onChange: (value: string) => void }) {
  return (
    <Field label={props.label} name={props.name} errors={errorsAt(props.errors, props.name)} className="field--compact">
      {(control) => (
        <select {...control} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <Options values={props.choices} />
        </select>
      )}
    </Field>
  );
}

/** Targets for one department and priority, in place of the priority's own; add and remove rows. */
export function OverridesTable({ draft, departments, errors, onChange }: { draft: PolicyDraft; departments: readonly string[]; errors: FieldErrors; onChange: (d: PolicyDraft) => void }) {
  const set = (i: number, o: OverrideDraft) => onChange({ ...draft, overrides: draft.overrides.map((x, j) => (j === i ? o : x)) });
  const remove = (i: number) => onChange({ ...draft, overrides: draft.overrides.filter((_, j) => j !== i) });
  return (
    <>
      {draft.overrides.length === 0 ? (
        <p className="muted">No department has targets of its own.</p>
      ) : (
        <div className="table-wrap">
          <table className="sla-table">
            <caption className="visually-hidden">Department overrides</caption>
            <thead>
              <tr>
                <th scope="col">Department and priority</th>
                <th scope="col">First response</th>
                <th scope="col">Resolution</th>
                <th scope="col">Around the clock</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.overrides.map((o, i) => {
                const path = `overrides[${i}]`;
                const who = `Override ${i + 1}`;
                const choices = departments.includes(o.department) || !o.department ? departments : [o.department, ...departments];
                return (
                  <tr key={i}>
                    <td data-label="Department and priority" className="sla-table__who">
                      {(['department', 'priority'] as const).map((key) => (
                        <ChoiceField
                          key={key}
                          label={`${who}: ${key}`}
                          name={`${path}.${key}`}
                          value={o[key]}
                          choices={key === 'department' ? choices : PRIORITIES}
                          errors={errors}
                          onChange={(value) => set(i, { ...o, [key]: value })}
                        />
                      ))}
                    </td>
                    <TargetsCells who={who} path={path} targets={o} errors={errors} onChange={(t) => set(i, { ...o, ...t })} />
                    <td>
                      <button type="button" className="button button--secondary button--small" onClick={() => remove(i)}>
                        Remove<span className="visually-hidden"> override {i + 1}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={departments.length === 0}
          onClick={() => onChange({ ...draft, overrides: [...draft.overrides, newOverride(draft, departments[0] ?? '')] })}
        >
          Add an override
        </button>
      </div>
    </>
  );
}
