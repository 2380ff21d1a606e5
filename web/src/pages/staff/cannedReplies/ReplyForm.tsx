import { useState, type FormEvent } from 'react';
import { createCannedReply, updateCannedReply } from '../../../api/cannedReplies';
import { orStale, STALE } from '../../../api/stale';
import type { CannedReply } from '../../../api/types';
import { requiredProblem } from '../../../auth/validation';
import { CardForm } from '../../../components/CardForm';
import { Field } from '../../../components/Field';
import { SubmitButton } from '../../../components/SubmitButton';
import { useCheckedSubmit } from '../../../hooks/useSubmit';

/** The placeholders a reply may use (the server refuses any other). */
export const PLACEHOLDERS = [
  'ticket.number',
  'ticket.subject',
  'ticket.status',
  'ticket.priority',
  'ticket.department',
  'employee.first_name',
  'employee.last_name',
  'employee.full_name',
  'assignee.first_name',
  'assignee.full_name',
  'agent.first_name',
  'agent.full_name',
];

/**
 * Writes a new canned reply, or changes `editing` (with its version in
 * If-Match). A 412 goes to `onStale`; other refusals show beside the fields.
 */
export function ReplyForm({
  editing,
  canShare,
  onSaved,
  onStale,
  onCancel,
}: {
  editing: CannedReply | null;
  canShare: boolean;
  onSaved: (reply: CannedReply, created: boolean) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [shared, setShared] = useState(false);
  const { busy, error, errors, check, run } = useCheckedSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string[]> = {};
    const t = requiredProblem(title);
    const b = requiredProblem(body);
    if (t) problems.title = [t];
    if (b) problems.body = [b];
    if (!check(problems)) return;
    const saved = await run(() =>
      orStale(() =>
        editing ? updateCannedReply(editing, { title: title.trim(), body }) : createCannedReply({ title: title.trim(), body, ...(canShare ? { shared } : {}) }),
      ),
    );
    if (saved === STALE) onStale();
    else if (saved) onSaved(saved, editing === null);
  }

  const id = editing ? `reply-${editing.id}` : 'reply-new';
  return (
    <CardForm id={id} title={editing ? `Edit “${editing.title}”` : 'New canned reply'} onSubmit={onSubmit} error={error}>
      <Field label="Title" name="title" errors={errors.title} required hint="What the picker in the reply box shows.">
        {(control) => <input {...control} type="text" maxLength={100} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field
        label="Text"
        name="body"
        errors={errors.body}
        required
        hint={
          <>
            Placeholders are filled in for the ticket when the reply is inserted:{' '}
            {PLACEHOLDERS.map((p, i) => (
              <span key={p}>
                {i > 0 ? ', ' : ''}
                <code>{`{{${p}}}`}</code>
              </span>
            ))}
            .
          </>
        }
      >
        {(control) => <textarea {...control} rows={6} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      {canShare && !editing ? (
        <label className="checkbox">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          Shared with all staff
        </label>
      ) : null}
      {errors.shared ? <p className="field__errors">{errors.shared.join(' ')}</p> : null}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <SubmitButton busy={busy} busyLabel="Saving…" label={editing ? 'Save changes' : 'Save reply'} />
      </div>
    </CardForm>
  );
}
