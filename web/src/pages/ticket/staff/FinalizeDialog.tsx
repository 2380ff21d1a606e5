import { ticketAction } from '../../../api/tickets';
import type { TicketRow } from '../../../api/types';
import { ActionDialog } from './ActionDialog';
import { useStaffAction, type StaffActionCallbacks } from './useStaffAction';

/** Finalize: hand the ticket to the external workflow system. */
export function FinalizeDialog({ ticket, open, onClose, ...callbacks }: { ticket: TicketRow; open: boolean; onClose: () => void } & StaffActionCallbacks) {
  const action = useStaffAction(callbacks);
  return (
    <ActionDialog
      open={open}
      title={`Finalize ${ticket.ticket_number}`}
      confirmLabel="Finalize"
      busy={action.busy}
      error={action.error}
      onOpen={() => action.setError(null)}
      onCancel={onClose}
      onConfirm={() => void action.perform(() => ticketAction(ticket, 'finalize'))}
    >
      <p>The ticket is handed to the external workflow system, which reports its status back. This is done once.</p>
    </ActionDialog>
  );
}
