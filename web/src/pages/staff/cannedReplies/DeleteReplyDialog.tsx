import { deleteCannedReply } from '../../../api/cannedReplies';
import { orStale, STALE } from '../../../api/stale';
import type { CannedReply } from '../../../api/types';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useSubmit } from '../../../hooks/useSubmit';

/** Deletes `reply` (its version in If-Match) once confirmed; a 412 goes to `onStale`. */
export function DeleteReplyDialog({
  reply,
  onClose,
  onDeleted,
  onStale,
}: {
  reply: CannedReply | null;
  onClose: () => void;
  onDeleted: (reply: CannedReply) => void;
  onStale: () => void;
}) {
  const { busy, error, setError, run } = useSubmit();
  return (
    <ConfirmDialog
      open={reply !== null}
      title={reply ? `Delete “${reply.title}”` : 'Delete'}
      confirmLabel="Delete reply"
      danger
      busy={busy}
      error={error}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onConfirm={async () => {
        if (!reply) return;
        const done = await run(() => orStale(() => deleteCannedReply(reply).then(() => true)));
        if (done === STALE) onStale();
        else if (done) onDeleted(reply);
      }}
    >
      <p>{reply?.shared ? 'Every staff member loses this shared reply.' : 'The reply is removed; comments already sent with it stay as they are.'}</p>
    </ConfirmDialog>
  );
}
