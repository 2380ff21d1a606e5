import { Link } from 'react-router';
import type { TicketRow } from '../../../api/types';
import { PriorityBadge, StatusBadge } from '../../../components/Badges';
import { DateTime } from '../../../components/DateTime';

function personName(p: { first_name?: string; last_name?: string } | null | undefined): string {
  if (!p) return '';
  return [p.first_name, p.last_name].filter(Boolean).join(' ');
}

/**
 * Tickets as a table on wide screens; under 640 px each row becomes a card
 * (CSS in staff.css, the column names come from data-label).
 */
export function TicketTable({ tickets, caption, dateField = 'submit_date' }: { tickets: TicketRow[]; caption: string; dateField?: 'submit_date' | 'update_date' }) {
  const dateLabel = dateField === 'submit_date' ? 'Submitted' : 'Updated';
  return (
    <div className="table-wrap">
      <table className="ticket-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
            <th scope="col">Priority</th>
            <th scope="col">Department</th>
            <th scope="col">Requester</th>
            <th scope="col">Assignee</th>
            <th scope="col">{dateLabel}</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((t) => (
            <tr key={t.id}>
              <td data-label="Ticket" className="ticket-table__number">
                <Link to={`/tickets/${t.ticket_number}`}>{t.ticket_number}</Link>
              </td>
              <td data-label="Subject" className="ticket-table__subject">
                <span>
                  {t.subject}
                  <span className="ticket-table__category muted">
                    {t.category}
                    {t.sub_category ? ` · ${t.sub_category}` : ''}
                  </span>
                </span>
              </td>
              <td data-label="Status">
                <StatusBadge status={t.status} />
              </td>
              <td data-label="Priority">
                <PriorityBadge priority={t.priority} />
              </td>
              <td data-label="Department">{t.department || '—'}</td>
              <td data-label="Requester">{personName(t.employee) || '—'}</td>
              <td data-label="Assignee">{personName(t.assigned_to) || <span className="muted">Unassigned</span>}</td>
              <td data-label={dateLabel}>
                <DateTime value={t[dateField]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
