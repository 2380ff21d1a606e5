import type { FieldErrors } from '../../../api/errors';
import { PRIORITIES, type PolicyDraft, type TargetsDraft } from './policyDraft';
import { TargetsCells } from './TargetsFields';

/** The targets per priority: first response and resolution, in working time unless around the clock. */
export function TargetsTable({ draft, errors, onChange }: { draft: PolicyDraft; errors: FieldErrors; onChange: (d: PolicyDraft) => void }) {
  const set = (p: (typeof PRIORITIES)[number], t: TargetsDraft) => onChange({ ...draft, targets: { ...draft.targets, [p]: t } });
  return (
    <div className="table-wrap">
      <table className="sla-table">
        <caption className="visually-hidden">Targets by priority</caption>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">First response</th>
            <th scope="col">Resolution</th>
            <th scope="col">Around the clock</th>
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((p) => (
            <tr key={p}>
              <th scope="row">{p}</th>
              <TargetsCells who={p} path={`targets.${p}`} targets={draft.targets[p]} errors={errors} onChange={(t) => set(p, t)} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
