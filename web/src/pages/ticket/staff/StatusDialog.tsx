import { useState } from 'react';
import { ticketAction } from '../../../api/tickets';
import type { TicketRow } from '../../../api/types';
import { Field } from '../../../components/Field';
import { Options } from '../../../components/Options';
import { ActionDialog } from './ActionDialog';
import { useStaffAction, type StaffActionCallbacks } from './useStaffAction';

/** Update status: only to the statuses the lifecycle allows now (ticket.status_targets). */
export function StatusDialog({ ticket, open, onClose, ...callbacks }: { ticket: TicketRow; open: boolean; onClose: () => void } & StaffActionCallbacks) {
  const action = useStaffAction(callbacks);
  const targets = ticket.status_targets;
  const [status, setStatus] = useState('');
  const [comment, setComment] = useState('');
  return (
    <ActionDialog
      open={open}
      title={`Move ${ticket.ticket_number} along`}
      confirmLabel="Update status"
      busy={action.busy}
      error={action.error}
      confirmDisabled={status === ''}
      onOpen={() => {
        setStatus(targets.length === 1 ? targets[0]! : '');
        setComment('');
        action.setError(null);
      }}
      onCancel={onClose}
      onConfirm={() => void action.perform(() => ticketAction(ticket, 'update-status', { status, comment: comment.trim() || undefined }))}
    >
      <div className="form">
        <p className="muted">
          Now: <strong>{ticket.status}</strong>
        </p>
        <Field label="New status" name="status" errors={action.fieldErrors.status} required>
          {(control) => (
            <select {...control} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">Choose a status</option>
              <Options values={targets} />
            </select>
          )}
        </Field>
        <Field label="Comment (optional)" name="comment" errors={action.fieldErrors.comment} hint="Added to the thread; the requester sees it.">
          {(control) => <textarea {...control} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
      </div>
    </ActionDialog>
  );
}
