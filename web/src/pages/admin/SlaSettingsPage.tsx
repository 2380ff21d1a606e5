import { useCallback } from 'react';
import { api } from '../../api/client';
import { getSlaPolicy } from '../../api/sla';
import type { Account, Page as ApiPage } from '../../api/types';
import { useCatalog } from '../../catalog/useCatalog';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useLoad } from '../../hooks/useLoad';
import { accountName } from './accounts/accountText';
import { AssignmentModes } from './sla/AssignmentModes';
import { PolicyForm } from './sla/PolicyForm';
import '../../styles/staff.css';

/** Coordinators' names for the "last automatic assignee" column; "Account #id" for anyone else. */
function useCoordinatorNames(): (id: number) => string {
  const people = useLoad((signal) => api.get<ApiPage<Account>>('/api/employees/', { query: { role: 'Ticket Coordinator', page_size: 100 }, signal }), []);
  const data = people.data;
  return useCallback(
    (id: number) => {
      const found = data?.results.find((a) => a.id === id);
      return found ? accountName(found) : `Account #${id}`;
    },
    [data],
  );
}

/**
 * /admin/sla (System Admin): the SLA policy (targets, overrides, warnings,
 * business calendar), each save a new version; and each department's
 * automatic assignment mode.
 */
export default function SlaSettingsPage() {
  const policy = useLoad((signal) => getSlaPolicy(signal), []);
  const { catalog } = useCatalog();
  const personName = useCoordinatorNames();
  return (
    <Page testId="page-sla-settings" title="SLA and assignment">
      <section className="section" aria-labelledby="sla-policy-title">
        <h2 id="sla-policy-title" className="section__title">
          Service-level policy
        </h2>
        {policy.loading && !policy.data ? <Loading label="Loading the policy…" /> : null}
        {policy.error ? <ErrorState title="Could not load the policy" message={policy.error} onRetry={policy.reload} /> : null}
        {policy.data ? <PolicyForm policy={policy.data} departments={catalog?.departments ?? []} onSaved={policy.setData} /> : null}
      </section>
      <section className="section" aria-labelledby="assignment-title">
        <h2 id="assignment-title" className="section__title">
          Automatic assignment
        </h2>
        <p className="muted">When a ticket is approved without an assignee, its department's mode picks an available coordinator.</p>
        <AssignmentModes personName={personName} />
      </section>
    </Page>
  );
}
