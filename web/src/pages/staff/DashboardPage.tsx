// /dashboard: loaded lazily (src/routes/staffRoutes.tsx), so Chart.js stays
// out of the sign-in page's JS.
import { api } from '../../api/client';
import type { TicketStats } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useLoad } from '../../hooks/useLoad';
import { CountChart } from './dashboard/CountChart';
import { SlaCompliance } from './dashboard/SlaCompliance';
import { figures, PRIORITY_ORDER, STATUS_ORDER } from './dashboard/statsFigures';
import { SummaryCards } from './dashboard/SummaryCards';
import '../../styles/staff.css';

export default function DashboardPage() {
  const { data: stats, loading, error, reload } = useLoad((signal) => api.get<TicketStats>('/api/tickets/stats/', { signal }), []);
  return (
    <Page
      testId="page-dashboard"
      title="Dashboard"
      actions={
        <button type="button" className="button button--secondary" onClick={reload} disabled={loading}>
          Refresh
        </button>
      }
    >
      {loading && !stats ? <Loading label="Loading the figures…" /> : null}
      {error ? <ErrorState title="Could not load the figures" message={error} onRetry={reload} /> : null}
      {stats ? (
        <div aria-busy={loading}>
          <SummaryCards stats={stats} />
          <SlaCompliance sla={stats.sla} />
          <div className="chart-grid">
            <CountChart title="Tickets by status" figures={figures(stats.by_status, STATUS_ORDER)} />
            <CountChart title="Tickets by priority" figures={figures(stats.by_priority, PRIORITY_ORDER)} colours={['#7f1d1d', '#dc2626', '#d97706', '#0284c7']} />
            <CountChart title="Tickets by department" figures={figures(stats.by_department, [], 'No department yet')} />
          </div>
        </div>
      ) : null}
    </Page>
  );
}
