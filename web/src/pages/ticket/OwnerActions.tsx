import { useState } from 'react';
import type { ApiError } from '../../api/errors';
import { ticketAction } from '../../api/tickets';
import type { TicketAction, TicketRow } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';

interface Spec {
  action: TicketAction;
  label: string;
  title: string;
  text: string;
  commentLabel: string;
  commentRequired: boolean;
  danger: boolean;
}

const SPECS: Spec[] = [
  {
    action: 'withdraw',
    label: 'Withdraw ticket',
    title: 'Withdraw this ticket?',
    text: 'The support team stops working on it. This cannot be undone.',
    commentLabel: 'Reason (optional)',
    commentRequired: false,
    danger: true,
  },
  {
    action: 'close',
    label: 'Close ticket',
    title: 'Close this ticket?',
    text: 'Close it when the problem is solved. A closed ticket cannot be reopened.',
    commentLabel: 'Comment (optional)',
    commentRequired: false,
    danger: false,
  },
  {
    action: 'reopen',
    label: 'Reopen ticket',
    title: 'Reopen this ticket?',
    text: 'It goes back to the support team. Tell them what is still wrong.',
    commentLabel: 'What is still wrong?',
    commentRequired: true,
    danger: false,
  },
];

/** Withdraw / close / reopen, each shown only when the server lists it in `actions`. */
export function OwnerActions({ ticket, onDone, onStale }: { ticket: TicketRow; onDone: () => void; onStale: (e: ApiError) => void }) {
  const [open, setOpen] = useState<Spec | null>(null);
  const [comment, setComment] = useState('');
  const { busy, error, setError, fieldErrors, run } = useSubmit();
  const available = SPECS.filter((s) => ticket.actions.includes(s.action));
  if (available.length === 0) return null;

  function close() {
    setOpen(null);
    setComment('');
    setError(null);
  }

  async function confirm() {
    if (!open) return;
    const spec = open;
    const text = comment.trim();
    const result = await run(async () => {
      try {
        return await ticketAction(ticket, spec.action, text ? { comment: text } : {});
      } catch (e) {
        if ((e as ApiError).isStale) {
          close();
          onStale(e as ApiError);
          return undefined;
        }
        throw e;
      }
    });
    if (result) {
      close();
      onDone();
    }
  }

  return (
    <div className="owner-actions button-row" role="group" aria-label="Ticket actions">
      {available.map((s) => (
        <button
          key={s.action}
          type="button"
          className={`button${s.danger ? ' button--danger' : ' button--secondary'}`}
          onClick={() => {
            setComment('');
            setError(null);
            setOpen(s);
          }}
        >
          {s.label}
        </button>
      ))}
      <ConfirmDialog
        open={open !== null}
        title={open?.title ?? ''}
        confirmLabel={open?.label ?? ''}
        onConfirm={confirm}
        onCancel={close}
        busy={busy}
        error={error}
        danger={open?.danger ?? false}
        confirmDisabled={Boolean(open?.commentRequired && !comment.trim())}
      >
        {open ? (
          <>
            <p>{open.text}</p>
            <Field
              label={open.commentLabel}
              name="comment"
              errors={fieldErrors.comment}
              required={open.commentRequired}
              hint={open.commentRequired ? 'A comment is required to reopen.' : undefined}
            >
              {(p) => <textarea {...p} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
            </Field>
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
