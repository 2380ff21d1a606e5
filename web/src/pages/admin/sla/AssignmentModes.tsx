import { useState } from 'react';
import { listAssignmentModes, setAssignmentMode } from '../../../api/sla';
import type { AssignmentMode, DepartmentAssignment } from '../../../api/types';
import { ErrorState } from '../../../components/ErrorState';
import { FormError } from '../../../components/FormError';
import { Loading } from '../../../components/Loading';
import { Options } from '../../../components/Options';
import { useLoad } from '../../../hooks/useLoad';
import { useSubmit } from '../../../hooks/useSubmit';

export const MODES: readonly { value: AssignmentMode; label: string }[] = [
  { value: 'none', label: 'Nobody (coordinators assign by hand)' },
  { value: 'round_robin', label: 'Round robin (each available coordinator in turn)' },
  { value: 'least_open', label: 'Least open tickets' },
];

/** Who gets a department's approved tickets; each change is saved at once. */
export function AssignmentModes({ personName }: { personName: (id: number) => string }) {
  const list = useLoad((signal) => listAssignmentModes(signal), []);
  const { error, run } = useSubmit();
  const [saving, setSaving] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function change(d: DepartmentAssignment, mode: AssignmentMode) {
    setSaving(d.department);
    setSaved(null);
    const answer = await run(() => setAssignmentMode(d.department, mode));
    setSaving(null);
    if (answer && list.data) {
      list.setData(list.data.map((x) => (x.department === answer.department ? answer : x)));
      setSaved(`${answer.department}: ${MODES.find((m) => m.value === answer.mode)?.label ?? answer.mode}.`);
    }
  }

  if (list.loading && !list.data) return <Loading label="Loading the departments…" />;
  if (list.error) return <ErrorState title="Could not load the departments" message={list.error} onRetry={list.reload} />;
  return (
    <>
      <FormError error={error} />
      <p className="visually-hidden" role="status">
        {saved ? `Saved. ${saved}` : ''}
      </p>
      <div className="table-wrap">
        <table className="sla-table">
          <caption className="visually-hidden">Assignment mode by department</caption>
          <thead>
            <tr>
              <th scope="col">Department</th>
              <th scope="col">Assign approved tickets to</th>
              <th scope="col">Last automatic assignee</th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((d) => (
              <tr key={d.department}>
                <th scope="row">{d.department}</th>
                <td data-label="Assign approved tickets to">
                  <select className="assignment-mode" aria-label={`${d.department}: assignment mode`} value={d.mode} disabled={saving === d.department} onChange={(e) => void change(d, e.target.value as AssignmentMode)}>
                    <Options values={MODES} />
                  </select>
                </td>
                <td data-label="Last automatic assignee">{d.last_assignee === null ? <span className="muted">Nobody yet</span> : personName(d.last_assignee)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
