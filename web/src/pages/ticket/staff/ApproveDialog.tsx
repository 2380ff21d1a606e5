import { useState } from 'react';
import { ticketAction } from '../../../api/tickets';
import type { TicketRow } from '../../../api/types';
import { useCatalog } from '../../../catalog/useCatalog';
import { Field } from '../../../components/Field';
import { Options } from '../../../components/Options';
import { ActionDialog } from './ActionDialog';
import { AssigneeSelect } from './AssigneeSelect';
import { useStaffAction, type StaffActionCallbacks } from './useStaffAction';

const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'];

/** Approve: New -> Open, with a priority, a department and optional internal notes. */
export function ApproveDialog({ ticket, open, onClose, ...callbacks }: { ticket: TicketRow; open: boolean; onClose: () => void } & StaffActionCallbacks) {
  const { catalog } = useCatalog();
  const action = useStaffAction(callbacks);
  const [priority, setPriority] = useState('');
  const [department, setDepartment] = useState('');
  const [notes, setNotes] = useState('');
  const [assignNow, setAssignNow] = useState(false);
  const [assignee, setAssignee] = useState('');
  const priorities = catalog?.priorities ?? PRIORITIES;
  const departments = catalog?.departments ?? (ticket.department ? [ticket.department] : []);

  return (
    <ActionDialog
      open={open}
      title={`Approve ${ticket.ticket_number}`}
      confirmLabel="Approve"
      confirmDisabled={assignNow && assignee === ''}
      busy={action.busy}
      error={action.error}
      onOpen={() => {
        setPriority(ticket.priority || 'Medium');
        setDepartment(ticket.department || '');
        setNotes('');
        setAssignNow(false);
        setAssignee('');
        action.setError(null);
      }}
      onCancel={onClose}
      onConfirm={() =>
        void action.perform(() =>
          ticketAction(ticket, 'approve', {
            priority,
            department: department || undefined,
            approval_notes: notes.trim() || undefined,
            assigned_to: assignNow && assignee ? Number(assignee) : undefined,
          }),
        )
      }
    >
      <div className="form">
        <Field label="Priority" name="priority" errors={action.fieldErrors.priority} required>
          {(control) => (
            <select {...control} value={priority} onChange={(e) => setPriority(e.target.value)}>
              <Options values={priorities} />
            </select>
          )}
        </Field>
        <Field label="Department" name="department" errors={action.fieldErrors.department} required>
          {(control) => (
            <select {...control} value={department} onChange={(e) => setDepartment(e.target.value)}>
              {department === '' ? <option value="">Choose a department</option> : null}
              <Options values={departments} />
            </select>
          )}
        </Field>
        <Field label="Approval notes" name="approval_notes" errors={action.fieldErrors.approval_notes} hint="Kept as an internal note: the requester does not see it.">
          {(control) => <textarea {...control} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={assignNow} onChange={(e) => setAssignNow(e.target.checked)} />
          Assign it to someone now (otherwise the department's assignment mode decides)
        </label>
        {assignNow ? <AssigneeSelect active={open && assignNow} label="Assign to" value={assignee} onChange={setAssignee} errors={action.fieldErrors.assigned_to} required /> : null}
      </div>
    </ActionDialog>
  );
}
