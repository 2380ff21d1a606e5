import { useState } from 'react';
import { ticketAction } from '../../../api/tickets';
import type { TicketRow } from '../../../api/types';
import { ActionDialog } from './ActionDialog';
import { AssigneeSelect } from './AssigneeSelect';
import { useStaffAction, type StaffActionCallbacks } from './useStaffAction';

/** Assign: the staff picker (approved coordinators and admins). */
export function AssignDialog({ ticket, open, onClose, ...callbacks }: { ticket: TicketRow; open: boolean; onClose: () => void } & StaffActionCallbacks) {
  const action = useStaffAction(callbacks);
  const [assignee, setAssignee] = useState('');
  const current = ticket.assigned_to?.id;

  return (
    <ActionDialog
      open={open}
      title={`Assign ${ticket.ticket_number}`}
      confirmLabel="Assign"
      busy={action.busy}
      error={action.error}
      confirmDisabled={assignee === ''}
      onOpen={() => {
        setAssignee(current ? String(current) : '');
        action.setError(null);
      }}
      onCancel={onClose}
      onConfirm={() => void action.perform(() => ticketAction(ticket, 'assign', { assigned_to: Number(assignee) }))}
    >
      <AssigneeSelect active={open} label="Assign to" value={assignee} onChange={setAssignee} errors={action.fieldErrors.assigned_to} current={current} required />
    </ActionDialog>
  );
}
