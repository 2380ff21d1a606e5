import type { TicketStats } from '../../../api/types';
import { formatDuration } from '../../../components/DateTime';

function spoken(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return 'not measured yet';
  return formatDuration(seconds).replace(/\bd\b/g, 'days').replace(/\bh\b/g, 'hours').replace(/\bmin\b/g, 'minutes').replace(/\bs\b/g, 'seconds');
}

/** Totals and mean times, as readable durations ("2 h 5 min"). */
export function SummaryCards({ stats }: { stats: TicketStats }) {
  const items = [
    { label: 'Tickets', value: String(stats.total ?? 0), spoken: String(stats.total ?? 0), hint: 'All tickets' },
    {
      label: 'Mean response time',
      value: formatDuration(stats.mean_response_seconds),
      spoken: spoken(stats.mean_response_seconds),
      hint: 'From submission to the first staff reaction',
    },
    {
      label: 'Mean resolution time',
      value: formatDuration(stats.mean_resolution_seconds),
      spoken: spoken(stats.mean_resolution_seconds),
      hint: 'From submission to resolution',
    },
  ];
  return (
    <dl className="summary-cards">
      {items.map((item) => (
        <div key={item.label} className="card summary-cards__item">
          <dt className="summary-cards__label">{item.label}</dt>
          <dd className="summary-cards__value">
            <span aria-hidden="true">{item.value}</span>
            <span className="visually-hidden">{item.spoken}</span>
          </dd>
          <dd className="summary-cards__hint muted">{item.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
