import { Link } from 'react-router';
import type { TicketRow } from '../../../api/types';
import { PriorityBadge, StatusBadge } from '../../../components/Badges';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { DueCell } from './DueCell';

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
  const columns: Column<TicketRow>[] = [
    {
      header: 'Ticket',
      className: 'ticket-table__number',
      cell: (t) => <Link to={`/tickets/${t.ticket_number}`}>{t.ticket_number}</Link>,
    },
    {
      header: 'Subject',
      className: 'ticket-table__subject',
      cell: (t) => (
        <span>
          {t.subject}
          <span className="ticket-table__category muted">
            {t.category}
            {t.sub_category ? ` · ${t.sub_category}` : ''}
          </span>
        </span>
      ),
    },
    { header: 'Status', cell: (t) => <StatusBadge status={t.status} /> },
    { header: 'Priority', cell: (t) => <PriorityBadge priority={t.priority} /> },
    { header: 'Department', cell: (t) => t.department || '—' },
    { header: 'Requester', cell: (t) => personName(t.employee) || '—' },
    { header: 'Assignee', cell: (t) => personName(t.assigned_to) || <span className="muted">Unassigned</span> },
    { header: dateLabel, cell: (t) => <DateTime value={t[dateField]} /> },
    { header: 'Due', cell: (t) => <DueCell ticket={t} /> },
  ];
  return <DataTable caption={caption} columns={columns} rows={tickets} className="table-wrap" tableClassName="ticket-table" />;
}
