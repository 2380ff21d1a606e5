import { editTicket } from '../../../api/ticketEdit';
import type { TicketRow } from '../../../api/types';
import { ActionDialog, dialogState } from './ActionDialog';
import { useStaffAction, type StaffActionCallbacks } from './useStaffAction';

/** Unassign: the ticket goes back to the queue (`assigned_to: null`). */
export function UnassignDialog({ ticket, open, onClose, ...callbacks }: { ticket: TicketRow; open: boolean; onClose: () => void } & StaffActionCallbacks) {
  const action = useStaffAction(callbacks);
  const a = ticket.assigned_to;
  const who = a ? [a.first_name, a.last_name].filter(Boolean).join(' ') || a.email || 'a staff member' : 'nobody';
  return (
    <ActionDialog
      {...dialogState(action, open, onClose)}
      title={`Unassign ${ticket.ticket_number}`}
      confirmLabel="Unassign"
      onOpen={() => action.setError(null)}
      onConfirm={() => void action.perform(() => editTicket(ticket, { assigned_to: null }))}
    >
      <p>
        Assigned now to <strong>{who}</strong>. The ticket goes back to the queue for anyone to claim.
      </p>
    </ActionDialog>
  );
}
