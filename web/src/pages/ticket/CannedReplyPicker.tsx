// The reply box's canned replies (staff): pick one, and its text, filled in
// for this ticket by the server, goes into the comment box to edit and send.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { listCannedReplies, matchingReplies, renderCannedReply } from '../../api/cannedReplies';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';

export function CannedReplyPicker({ ticketId, onInsert }: { ticketId: number; onInsert: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const panelId = useId();
  const searchId = useId();
  const list = useLoad((signal) => (open ? listCannedReplies(signal) : Promise.resolve(null)), [open]);
  const render = useSubmit();
  const shown = list.data ? matchingReplies(list.data.results, search) : [];

  async function pick(replyId: number) {
    const rendered = await render.run(() => renderCannedReply(ticketId, replyId));
    if (rendered) {
      onInsert(rendered.text);
      setOpen(false);
      setSearch('');
    }
  }

  return (
    <div className="canned-picker">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          // Reopened, the panel starts afresh: no old search, no old error.
          if (open) {
            setSearch('');
            render.setError(null);
          }
          setOpen((o) => !o);
        }}
      >
        {open ? 'Close canned replies' : 'Insert a canned reply'}
      </button>
      <div id={panelId} className="canned-picker__panel" hidden={!open}>
        {open ? (
          <>
            <label htmlFor={searchId} className="field__label">
              Search canned replies
            </label>
            <input
              id={searchId}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              // Enter here must not send the comment this box belongs to.
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.preventDefault();
              }}
            />
            {list.loading ? <Loading label="Loading canned replies…" /> : null}
            {list.error ? <ErrorState title="Could not load the canned replies" message={list.error} onRetry={list.reload} /> : null}
            {list.data && !list.loading ? (
              list.data.results.length === 0 ? (
                <p className="muted">
                  No canned replies yet. <Link to="/canned-replies">Write one</Link>.
                </p>
              ) : shown.length === 0 ? (
                <p className="muted">No canned reply matches “{search.trim()}”.</p>
              ) : (
                <ul className="canned-picker__list" aria-label="Canned replies" aria-busy={render.busy}>
                  {shown.map((r) => (
                    <li key={r.id}>
                      <button type="button" className="canned-picker__choice" disabled={render.busy} onClick={() => void pick(r.id)}>
                        <span className="canned-picker__title">{r.title}</span>
                        {r.shared ? <span className="badge">Shared</span> : null}
                        <span className="canned-picker__preview muted">{r.body}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )
            ) : null}
            <FormError error={render.error} />
          </>
        ) : null}
      </div>
    </div>
  );
}
