import { useState } from 'react';
import type { ApiError } from '../../../api/errors';
import { reapplySla } from '../../../api/sla';
import type { TicketRow } from '../../../api/types';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useStaffAction } from './useStaffAction';

/**
 * System Admin only (the caller gates on the role; the server refuses others):
 * measures the ticket under the current SLA policy after confirming. A 412 goes
 * to the page's stale banner like every other ticket action.
 */
export function ReapplySla({ ticket, onChanged, onStale }: { ticket: TicketRow; onChanged: (t: TicketRow) => void; onStale: (e: ApiError) => void }) {
  const [open, setOpen] = useState(false);
  const action = useStaffAction({
    onDone: (t) => {
      setOpen(false);
      onChanged(t);
    },
    onStale: (e) => {
      setOpen(false);
      onStale(e);
    },
  });
  return (
    <div className="reapply-sla">
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Re-measure under the current policy
      </button>
      <ConfirmDialog
        open={open}
        title="Re-measure the SLA?"
        confirmLabel="Re-measure"
        busy={action.busy}
        error={action.error}
        onCancel={() => {
          action.setError(null);
          setOpen(false);
        }}
        onConfirm={() => void action.perform(() => reapplySla(ticket))}
      >
        <p>
          The ticket is measured under policy version {ticket.sla?.policy_version ?? 0}. Its due dates will follow the current policy instead, as
          if it had applied since submission. Notices already sent are not sent again.
        </p>
      </ConfirmDialog>
    </div>
  );
}
