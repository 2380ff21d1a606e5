import { useState } from 'react';
import type { ApiError } from '../../../api/errors';
import { ticketAction } from '../../../api/tickets';
import type { TicketAction, TicketRow } from '../../../api/types';
import { FormError } from '../../../components/FormError';
import { ApproveDialog } from './ApproveDialog';
import { AssignDialog } from './AssignDialog';
import { EditTicketDialog } from './EditTicketDialog';
import { FinalizeDialog } from './FinalizeDialog';
import { RejectDialog } from './RejectDialog';
import { StatusDialog } from './StatusDialog';
import { UnassignDialog } from './UnassignDialog';
import { useStaffAction } from './useStaffAction';

type DialogName = 'approve' | 'reject' | 'assign' | 'update_status' | 'finalize' | 'edit_ticket' | 'unassign';

/** The buttons, in this order, for the staff actions the server allows now. */
export const STAFF_BUTTONS: readonly { action: TicketAction; label: string; dialog: DialogName | null }[] = [
  { action: 'approve', label: 'Approve', dialog: 'approve' },
  { action: 'reject', label: 'Reject', dialog: 'reject' },
  { action: 'claim', label: 'Claim', dialog: null },
  { action: 'assign', label: 'Assign', dialog: 'assign' },
  { action: 'update_status', label: 'Update status', dialog: 'update_status' },
  { action: 'finalize', label: 'Finalize', dialog: 'finalize' },
  { action: 'edit_ticket', label: 'Edit', dialog: 'edit_ticket' },
  { action: 'unassign', label: 'Unassign', dialog: 'unassign' },
];

export interface StaffActionsProps {
  ticket: TicketRow;
  onChanged: (ticket?: TicketRow) => void;
  onStale: (error: ApiError) => void;
}

/** Only what `ticket.actions` lists is shown: the console never offers what the server would refuse. */
export function StaffActions({ ticket, onChanged, onStale }: StaffActionsProps) {
  const [open, setOpen] = useState<DialogName | null>(null);
  const close = () => setOpen(null);
  const callbacks = {
    onDone: (t: TicketRow) => {
      setOpen(null);
      onChanged(t);
    },
    onStale: (e: ApiError) => {
      setOpen(null);
      onStale(e);
    },
  };
  const claim = useStaffAction(callbacks);
  const allowed = new Set<string>(ticket.actions);
  const buttons = STAFF_BUTTONS.filter((b) => allowed.has(b.action) && (b.action !== 'update_status' || ticket.status_targets.length > 0));
  const dialogProps = { ticket, onClose: close, ...callbacks };

  return (
    <div className="staff-actions">
      {buttons.length === 0 ? (
        <p className="muted">No staff action is open on this ticket now.</p>
      ) : (
        <div className="button-row">
          {buttons.map((b) => (
            <button
              key={b.action}
              type="button"
              className={`button${b.action === 'reject' ? ' button--danger' : b.action === 'approve' || b.action === 'claim' ? '' : ' button--secondary'}`}
              disabled={claim.busy}
              onClick={() => (b.dialog ? setOpen(b.dialog) : void claim.perform(() => ticketAction(ticket, 'claim')))}
            >
              {b.action === 'claim' && claim.busy ? 'Claiming…' : b.label}
            </button>
          ))}
        </div>
      )}
      <FormError error={claim.error} />
      {allowed.has('approve') ? <ApproveDialog open={open === 'approve'} {...dialogProps} /> : null}
      {allowed.has('reject') ? <RejectDialog open={open === 'reject'} {...dialogProps} /> : null}
      {allowed.has('assign') ? <AssignDialog open={open === 'assign'} {...dialogProps} /> : null}
      {allowed.has('update_status') ? <StatusDialog open={open === 'update_status'} {...dialogProps} /> : null}
      {allowed.has('finalize') ? <FinalizeDialog open={open === 'finalize'} {...dialogProps} /> : null}
      {allowed.has('edit_ticket') ? <EditTicketDialog open={open === 'edit_ticket'} {...dialogProps} /> : null}
      {allowed.has('unassign') ? <UnassignDialog open={open === 'unassign'} {...dialogProps} /> : null}
    </div>
  );
}
