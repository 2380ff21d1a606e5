import { useState } from 'react';
import { editTicket } from '../../../api/ticketEdit';
import type { TicketEdit, TicketRow } from '../../../api/types';
import { useCatalog } from '../../../catalog/useCatalog';
import { Field } from '../../../components/Field';
import { Options } from '../../../components/Options';
import { ActionDialog, dialogState } from './ActionDialog';
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
  // The ticket's own value stays a choice even when the catalogue no longer
  // lists it (a retired department), so the select shows what is stored.
  const keep = (list: readonly string[] | undefined, current: string) =>
    !current || list?.includes(current) ? (list ?? []) : [current, ...(list ?? [])];
  const priorities = catalog?.priorities ?? PRIORITIES;
  const departments = keep(catalog?.departments, ticket.department ?? '');
  const categories = keep(catalog?.categories.map((c) => c.name), ticket.category ?? '');
  const subCategories = keep(catalog?.categories.find((c) => c.name === fields.category)?.sub_categories, fields.category === ticket.category ? (ticket.sub_category ?? '') : '');
  const change = changedFields(ticket, fields);
  const nothing = Object.keys(change).length === 0;
  const errors = action.fieldErrors;
  const selects: { key: keyof Fields; label: string; choices: readonly string[]; empty: string; hint?: string }[] = [
    { key: 'priority', label: 'Priority', choices: priorities, empty: 'Not set' },
    { key: 'department', label: 'Department', choices: departments, empty: 'Choose a department' },
    { key: 'category', label: 'Category', choices: categories, empty: 'Choose a category' },
    {
      key: 'sub_category',
      label: 'Sub-category',
      choices: subCategories,
      empty: 'Choose a sub-category',
      hint: fields.category !== ticket.category ? 'A new category needs one of its sub-categories.' : undefined,
    },
  ];

  return (
    <ActionDialog
      {...dialogState(action, open, onClose)}
      title={`Edit ${ticket.ticket_number}`}
      confirmLabel="Save changes"
      confirmDisabled={nothing || fields.sub_category === ''}
      onOpen={() => {
        setFields({ priority: ticket.priority ?? '', department: ticket.department ?? '', category: ticket.category ?? '', sub_category: ticket.sub_category ?? '' });
        action.setError(null);
      }}
      onConfirm={() => void action.perform(() => editTicket(ticket, change))}
    >
      <div className="form">
        {selects.map((f) => (
          <Field key={f.key} label={f.label} name={f.key} errors={errors[f.key]} hint={f.hint}>
            {(control) => (
              <select {...control} value={fields[f.key]} onChange={(e) => set(f.key, e.target.value)}>
                {fields[f.key] === '' ? <option value="">{f.empty}</option> : null}
                <Options values={f.choices} />
              </select>
            )}
          </Field>
        ))}
      </div>
    </ActionDialog>
  );
}
