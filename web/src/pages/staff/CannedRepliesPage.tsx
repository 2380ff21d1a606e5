import { useId, useState } from 'react';
import { listCannedReplies } from '../../api/cannedReplies';
import type { CannedReply } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { isAdmin } from '../../auth/user';
import { DataTable, type Column } from '../../components/DataTable';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { StaleVersionBanner } from '../../components/StaleVersionBanner';
import { useLoad } from '../../hooks/useLoad';
import { DeleteReplyDialog } from './cannedReplies/DeleteReplyDialog';
import { ReplyForm } from './cannedReplies/ReplyForm';
import '../../styles/staff.css';
import '../../styles/editing.css';

type Editing = { kind: 'new' } | { kind: 'edit'; reply: CannedReply } | null;

/** /canned-replies (staff): the caller's own replies and the shared ones; write, change and delete them. */
export default function CannedRepliesPage() {
  const { user } = useAuth();
  const admin = isAdmin(user?.role);
  const headingId = useId();
  const list = useLoad((signal) => listCannedReplies(signal), []);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<CannedReply | null>(null);
  const [stale, setStale] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const mayChange = (r: CannedReply) => admin || !r.shared;

  const staleNow = () => {
    setEditing(null);
    setDeleting(null);
    setNotice(null);
    setStale(true);
  };
  const reloadFresh = () => {
    setStale(false);
    list.reload();
  };

  const columns: Column<CannedReply>[] = [
    { header: 'Title', cell: (r) => <strong>{r.title}</strong> },
    { header: 'Text', cell: (r) => <span className="reply-preview">{r.body}</span>, className: 'reply-preview-cell' },
    { header: 'Kind', cell: (r) => (r.shared ? <span className="badge">Shared</span> : 'Yours') },
    { header: 'Changed', cell: (r) => (r.updated_at ? <DateTime value={r.updated_at} /> : '') },
    {
      header: 'Actions',
      cell: (r) =>
        mayChange(r) ? (
          <div className="button-row">
            <button type="button" className="button button--small button--secondary" aria-label={`Edit ${r.title}`} onClick={() => {
              setNotice(null);
              setEditing({ kind: 'edit', reply: r });
            }}>
              Edit
            </button>
            <button type="button" className="button button--small button--danger" aria-label={`Delete ${r.title}`} onClick={() => setDeleting(r)}>
              Delete
            </button>
          </div>
        ) : (
          <span className="muted">System Admins change shared replies</span>
        ),
    },
  ];

  return (
    <Page
      testId="page-canned-replies"
      title="Canned replies"
      actions={
        editing === null ? (
          <button type="button" className="button" onClick={() => {
            setNotice(null);
            setEditing({ kind: 'new' });
          }}>
            New canned reply
          </button>
        ) : null
      }
    >
      <p className="muted">Insert them from the reply box on a ticket page; the placeholders are filled in for that ticket, and you can still edit the text before sending.</p>
      {stale ? <StaleVersionBanner what="canned reply" onReload={reloadFresh} /> : null}
      <Notice text={notice} />
      {editing ? (
        <ReplyForm
          key={editing.kind === 'edit' ? `edit-${editing.reply.id}-${editing.reply.version}` : 'new'}
          editing={editing.kind === 'edit' ? editing.reply : null}
          canShare={admin}
          onCancel={() => setEditing(null)}
          onStale={staleNow}
          onSaved={(r, created) => {
            setEditing(null);
            setNotice(created ? `“${r.title}” is saved.` : `“${r.title}” is changed.`);
            list.reload();
          }}
        />
      ) : null}
      <section className="section" aria-labelledby={headingId}>
        <h2 id={headingId}>Your replies and the shared ones</h2>
        {list.loading && !list.data ? <Loading label="Loading canned replies…" /> : null}
        {list.error ? <ErrorState title="Could not load the canned replies" message={list.error} onRetry={list.reload} /> : null}
        {list.data && !list.error ? (
          list.data.results.length === 0 ? (
            <p className="empty-state">No canned replies yet. Write the answers you give often once, and insert them from any ticket.</p>
          ) : (
            <DataTable caption="Canned replies" columns={columns} rows={list.data.results} busy={list.loading} />
          )
        ) : null}
      </section>
      <DeleteReplyDialog
        reply={deleting}
        onClose={() => setDeleting(null)}
        onStale={staleNow}
        onDeleted={(r) => {
          setDeleting(null);
          if (editing?.kind === 'edit' && editing.reply.id === r.id) setEditing(null);
          setNotice(`“${r.title}” is deleted.`);
          list.reload();
        }}
      />
    </Page>
  );
}
