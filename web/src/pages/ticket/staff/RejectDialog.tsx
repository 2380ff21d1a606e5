import { useState } from 'react';
import { ticketAction } from '../../../api/tickets';
import type { TicketRow } from '../../../api/types';
import { Field } from '../../../components/Field';
import { ActionDialog } from './ActionDialog';
import { useStaffAction, type StaffActionCallbacks } from './useStaffAction';

/** Reject: New -> Rejected, with a reason the requester reads. */
export function RejectDialog({ ticket, open, onClose, ...callbacks }: { ticket: TicketRow; open: boolean; onClose: () => void } & StaffActionCallbacks) {
  const action = useStaffAction(callbacks);
  const [reason, setReason] = useState('');
  const errors = [...(action.fieldErrors.rejection_reason ?? []), ...(action.fieldErrors.reason ?? [])];
  return (
    <ActionDialog
      open={open}
      title={`Reject ${ticket.ticket_number}`}
      confirmLabel="Reject ticket"
      danger
      busy={action.busy}
      error={action.error}
      confirmDisabled={reason.trim() === ''}
      onOpen={() => {
        setReason('');
        action.setError(null);
      }}
      onCancel={onClose}
      onConfirm={() => void action.perform(() => ticketAction(ticket, 'reject', { rejection_reason: reason.trim() }))}
    >
      <Field label="Reason" name="rejection_reason" errors={errors} required hint="The requester sees this reason.">
        {(control) => <textarea {...control} rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </ActionDialog>
  );
}
