import { useSearchParams } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { useCatalog } from '../../catalog/useCatalog';
import { Page } from '../../components/Page';
import { QueueFilters } from './queue/QueueFilters';
import { QueueResults } from './queue/QueueResults';
import { QueueTabs } from './queue/QueueTabs';
import { queueStateFrom, ticketQuery, withFilter, type FilterKey } from './queue/queueQuery';
import '../../styles/staff.css';

/** /queue: the staff's ticket queues (?view=new|open|mine|all), filters and search in the URL. */
export default function QueuePage() {
  const [params, setParams] = useSearchParams();
  const { user } = useAuth();
  const { catalog } = useCatalog();
  const state = queueStateFrom(params);
  const userId = user?.id ?? 0;

  const change = (key: FilterKey, value: string) => {
    // Typing a search replaces the history entry; choosing a filter adds one.
    setParams(withFilter(params, key, value), { replace: key === 'search' });
  };

  // The query without its cursor: a change starts the results again at page 1.
  const resultsKey = JSON.stringify(ticketQuery(state, userId, ''));
  return (
    <Page testId="page-queue" title="Queue">
      <QueueTabs current={state.view} params={params} />
      <QueueFilters state={state} catalog={catalog} onChange={change} />
      <QueueResults key={resultsKey} state={state} userId={userId} />
    </Page>
  );
}
