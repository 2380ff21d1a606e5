import type { Comment, TicketRow } from '../../api/types';
import { DateTime } from '../../components/DateTime';

function authorOf(c: Comment, ticket: TicketRow): string {
  if (c.author_name) return c.author_name;
  if (c.author !== null && c.author === ticket.employee?.id) {
    return `${ticket.employee.first_name ?? ''} ${ticket.employee.last_name ?? ''}`.trim() || 'The requester';
  }
  return c.author === null ? 'System' : 'Support team';
}

/** The comments the reader may see, oldest first; internal notes marked. */
export function Thread({ ticket, comments }: { ticket: TicketRow; comments: readonly Comment[] }) {
  return (
    <section className="section" aria-labelledby="thread-title">
      <h2 id="thread-title">Conversation</h2>
      {comments.length === 0 ? <p className="muted">No comments yet.</p> : null}
      <ol className="thread">
        {comments.map((c) => (
          <li key={c.id} className={`thread__item${c.is_internal ? ' thread__item--internal' : ''}`}>
            <article aria-label={c.is_internal ? `Internal note by ${authorOf(c, ticket)}` : `Comment by ${authorOf(c, ticket)}`}>
              <header className="thread__meta">
                <strong>{authorOf(c, ticket)}</strong>
                {c.author_role ? <span className="muted"> · {c.author_role}</span> : null}
                <span className="muted">
                  {' · '}
                  <DateTime value={c.created_at} />
                </span>
                {c.is_internal ? <span className="badge badge--internal">Internal note</span> : null}
              </header>
              <p className="thread__text">{c.text}</p>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
