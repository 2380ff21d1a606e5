import type { SlaCompliance as Compliance } from '../../../api/types';

type TargetFigures = NonNullable<Compliance['first_response']>;

const TARGETS: readonly { key: keyof Compliance; label: string }[] = [
  { key: 'first_response', label: 'First response' },
  { key: 'resolution', label: 'Resolution' },
];

/** The share of decided tickets (met or breached) that met the target; null when none is decided yet. */
export function metShare(f: TargetFigures | undefined): number | null {
  if (!f) return null;
  const decided = f.met + f.breached;
  return decided === 0 ? null : Math.round((f.met / decided) * 100);
}

/** SLA compliance from the stats' `sla` member: met, breached and pending per target. */
export function SlaCompliance({ sla }: { sla: Compliance | undefined }) {
  return (
    <section className="card sla-compliance" aria-labelledby="sla-compliance-title">
      <h2 id="sla-compliance-title">SLA compliance</h2>
      {!sla ? (
        <p className="muted">No ticket is measured yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">SLA compliance by target</caption>
            <thead>
              <tr>
                <th scope="col">Target</th>
                <th scope="col">Met</th>
                <th scope="col">Breached</th>
                <th scope="col">Pending</th>
                <th scope="col">Met on time</th>
              </tr>
            </thead>
            <tbody>
              {TARGETS.map(({ key, label }) => {
                const f = sla[key];
                const share = metShare(f);
                return (
                  <tr key={key}>
                    <th scope="row">{label}</th>
                    <td>{f?.met ?? 0}</td>
                    <td>{f?.breached ?? 0}</td>
                    <td>{f?.pending ?? 0}</td>
                    <td>{share === null ? <span className="muted">None decided yet</span> : `${share} %`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted sla-compliance__hint">Met on time: the share of met among the tickets whose target is met or breached.</p>
    </section>
  );
}
