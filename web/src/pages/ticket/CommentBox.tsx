import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { requiredProblem } from '../../auth/validation';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { mergeErrors, useSubmit } from '../../hooks/useSubmit';
import { CannedReplyPicker } from './CannedReplyPicker';
import '../../styles/editing.css';

const MAX = 5000;

/** Adds a comment; staff allowed `comment_internal` may mark it as an internal note. */
export function CommentBox({ ticketId, canInternal, onPosted }: { ticketId: number; canInternal: boolean; onPosted: () => void }) {
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const { busy, error, fieldErrors, run } = useSubmit();
  const box = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes once an inserted text is in the box. */
  const [caret, setCaret] = useState<number | null>(null);

  useEffect(() => {
    if (caret === null || !box.current) return;
    box.current.focus();
    box.current.setSelectionRange(caret, caret);
    setCaret(null);
  }, [caret]);

  /** Puts `snippet` at the caret (or over the selection), so it can still be edited before sending. */
  function insert(snippet: string) {
    const el = box.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + snippet + text.slice(end));
    setCaret(start + snippet.length);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problem = requiredProblem(text) ?? (text.length > MAX ? `Use at most ${MAX} characters.` : null);
    setClientErrors(problem ? { text: [problem] } : {});
    if (problem) return;
    const ok = await run(async () => {
      await api.post(`/api/tickets/${ticketId}/comments/`, { text: text.trim(), is_internal: canInternal && internal });
      return true;
    });
    if (ok) {
      setText('');
      setInternal(false);
      onPosted();
    }
  }

  const errors = mergeErrors(clientErrors, fieldErrors);
  return (
    <form className={`form card comment-box${internal ? ' comment-box--internal' : ''}`} onSubmit={onSubmit} noValidate>
      <FormError error={error} />
      <Field
        label={internal ? 'Internal note' : 'Your comment'}
        name="text"
        errors={errors.text ?? errors.is_internal}
        hint={internal ? 'Only staff can see internal notes.' : canInternal ? 'The requester sees this reply.' : undefined}
      >
        {(p) => <textarea {...p} ref={box} rows={4} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      {canInternal ? <CannedReplyPicker ticketId={ticketId} onInsert={insert} /> : null}
      <div className="form__actions">
        {canInternal ? (
          <label className="checkbox">
            <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
            Internal note (staff only)
          </label>
        ) : null}
        <SubmitButton busy={busy} busyLabel="Posting…" label={internal ? 'Add internal note' : 'Post comment'} />
      </div>
    </form>
  );
}
