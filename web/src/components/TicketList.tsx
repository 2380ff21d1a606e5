import { Link } from 'react-router';
import type { TicketRow } from '../api/types';
import { PriorityBadge, StatusBadge } from './Badges';
import { DateTime } from './DateTime';

/** Tickets as a list of cards (reads well from 360 px up). */
export function TicketList({ tickets, showOwner = false }: { tickets: readonly TicketRow[]; showOwner?: boolean }) {
  return (
    <ul className="ticket-list">
      {tickets.map((t) => (
        <li key={t.id} className="ticket-list__item">
          <div className="ticket-list__main">
            <Link to={`/tickets/${t.ticket_number}`} className="ticket-list__link">
              <span className="ticket-list__number">{t.ticket_number}</span> <span className="ticket-list__subject">{t.subject}</span>
            </Link>
            <div className="ticket-list__badges">
              <StatusBadge status={t.status} />
              <PriorityBadge priority={t.priority} />
            </div>
          </div>
          <div className="ticket-list__meta muted">
            <span>
              {t.category} · {t.sub_category}
            </span>
            {showOwner && t.employee ? (
              <span>
                By {t.employee.first_name} {t.employee.last_name}
              </span>
            ) : null}
            <span>
              Submitted <DateTime value={t.submit_date} />
            </span>
            <span>
              Updated <DateTime value={t.update_date} />
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
