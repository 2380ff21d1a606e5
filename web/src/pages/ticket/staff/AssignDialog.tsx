import { useState } from 'react';
import { ticketAction } from '../../../api/tickets';
import type { TicketRow } from '../../../api/types';
import { ErrorState } from '../../../components/ErrorState';
import { Field } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { useLoad } from '../../../hooks/useLoad';
import { ActionDialog } from './ActionDialog';
import { loadStaffPeople } from './staffPeople';
import { useStaffAction, type StaffActionCallbacks } from './useStaffAction';

/** Assign: the staff picker (approved coordinators and admins). */
export function AssignDialog({ ticket, open, onClose, ...callbacks }: { ticket: TicketRow; open: boolean; onClose: () => void } & StaffActionCallbacks) {
  const action = useStaffAction(callbacks);
  const people = useLoad((signal) => (open ? loadStaffPeople(signal) : Promise.resolve(null)), [open]);
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
      {people.loading ? (
        <Loading label="Loading staff…" />
      ) : people.error ? (
        <ErrorState title="Could not load the staff list" message={people.error} onRetry={people.reload} />
      ) : (
        <Field label="Assign to" name="assigned_to" errors={action.fieldErrors.assigned_to} required>
          {(control) => (
            <select {...control} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">Choose a person</option>
              {(people.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.role}){p.id === current ? ', assigned now' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </ActionDialog>
  );
}
