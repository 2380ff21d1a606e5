import { useState } from 'react';
import { editTicket } from '../../../api/ticketEdit';
import type { TicketEdit, TicketRow } from '../../../api/types';
import { useCatalog } from '../../../catalog/useCatalog';
import { Field } from '../../../components/Field';
import { Options } from '../../../components/Options';
import { ActionDialog } from './ActionDialog';
import { useStaffAction, type StaffActionCallbacks } from './useStaffAction';

const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'];

type Fields = Required<Pick<TicketEdit, 'department' | 'category' | 'sub_category'>> & { priority: string };

/** Only the members that differ from the ticket, so an edit records only real changes. */
export function changedFields(ticket: TicketRow, fields: Fields): TicketEdit {
  const change: Record<string, string> = {};
  for (const key of ['priority', 'department', 'category', 'sub_category'] as const) {
    if (fields[key] !== (ticket[key] ?? '')) change[key] = fields[key];
  }
  return change as TicketEdit;
}

/** Edit: priority, department, category and sub-category (from the catalogue), with If-Match. */
export function EditTicketDialog({ ticket, open, onClose, ...callbacks }: { ticket: TicketRow; open: boolean; onClose: () => void } & StaffActionCallbacks) {
  const { catalog } = useCatalog();
  const action = useStaffAction(callbacks);
  const [fields, setFields] = useState<Fields>({ priority: '', department: '', category: '', sub_category: '' });
  const set = (key: keyof Fields, value: string) =>
    setFields((f) => (key === 'category' ? { ...f, category: value, sub_category: '' } : { ...f, [key]: value }));
  const keep = (list: readonly string[] | undefined, current: string) => (list && list.length ? list : current ? [current] : []);
  const priorities = catalog?.priorities ?? PRIORITIES;
  const departments = keep(catalog?.departments, ticket.department ?? '');
  const categories = keep(catalog?.categories.map((c) => c.name), ticket.category ?? '');
  const subCategories = keep(catalog?.categories.find((c) => c.name === fields.category)?.sub_categories, fields.category === ticket.category ? (ticket.sub_category ?? '') : '');
  const change = changedFields(ticket, fields);
  const nothing = Object.keys(change).length === 0;
  const errors = action.fieldErrors;

  return (
    <ActionDialog
      open={open}
      title={`Edit ${ticket.ticket_number}`}
      confirmLabel="Save changes"
      busy={action.busy}
      error={action.error}
      confirmDisabled={nothing || fields.sub_category === ''}
      onOpen={() => {
        setFields({ priority: ticket.priority ?? '', department: ticket.department ?? '', category: ticket.category ?? '', sub_category: ticket.sub_category ?? '' });
        action.setError(null);
      }}
      onCancel={onClose}
      onConfirm={() => void action.perform(() => editTicket(ticket, change))}
    >
      <div className="form">
        <Field label="Priority" name="priority" errors={errors.priority}>
          {(control) => (
            <select {...control} value={fields.priority} onChange={(e) => set('priority', e.target.value)}>
              {fields.priority === '' ? <option value="">Not set</option> : null}
              <Options values={priorities} />
            </select>
          )}
        </Field>
        <Field label="Department" name="department" errors={errors.department}>
          {(control) => (
            <select {...control} value={fields.department} onChange={(e) => set('department', e.target.value)}>
              {fields.department === '' ? <option value="">Choose a department</option> : null}
              <Options values={departments} />
            </select>
          )}
        </Field>
        <Field label="Category" name="category" errors={errors.category}>
          {(control) => (
            <select {...control} value={fields.category} onChange={(e) => set('category', e.target.value)}>
              <Options values={categories} />
            </select>
          )}
        </Field>
        <Field label="Sub-category" name="sub_category" errors={errors.sub_category} hint={fields.category !== ticket.category ? 'A new category needs one of its sub-categories.' : undefined}>
          {(control) => (
            <select {...control} value={fields.sub_category} onChange={(e) => set('sub_category', e.target.value)}>
              {fields.sub_category === '' ? <option value="">Choose a sub-category</option> : null}
              <Options values={subCategories} />
            </select>
          )}
        </Field>
      </div>
    </ActionDialog>
  );
}
