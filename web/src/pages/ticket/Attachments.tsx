import { useState } from 'react';
import { api } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { Attachment, Catalog } from '../../api/types';
import { acceptAttribute, checkAttachments, formatBytes } from '../../catalog/attachmentRules';
import { DateTime } from '../../components/DateTime';
import { FilePicker } from '../../components/FilePicker';
import { FormError } from '../../components/FormError';
import { UploadProgress } from '../../components/UploadProgress';

/** The ticket's files with download links, and "Add a file" when `attach` is allowed. */
export function Attachments({
  ticketId,
  attachments,
  canAttach,
  limits,
  onAdded,
}: {
  ticketId: number;
  attachments: readonly Attachment[];
  canAttach: boolean;
  limits: Catalog['attachments'] | null;
  onAdded: () => void;
}) {
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload() {
    if (!limits || files.length === 0) return;
    const room = Math.max(0, limits.max_files - attachments.length);
    const found = checkAttachments(files, { ...limits, max_files: room });
    if (files.length > room) {
      found[0] = `This ticket can take ${room} more file${room === 1 ? '' : 's'} (at most ${limits.max_files} in all).`;
    }
    setProblems(found);
    if (found.length > 0) return;
    setError(null);
    try {
      for (const [i, f] of files.entries()) {
        const form = new FormData();
        form.append('file', f, f.name);
        setProgress(0);
        await api.upload(`/api/tickets/${ticketId}/attachments/`, form, {
          onProgress: (sent, total) => setProgress((i + (total > 0 ? sent / total : 0)) / files.length),
        });
      }
      setFiles([]);
      onAdded();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className="section" aria-labelledby="attachments-title">
      <h2 id="attachments-title">Attachments</h2>
      {attachments.length === 0 ? <p className="muted">No files attached.</p> : null}
      {attachments.length > 0 ? (
        <ul className="attachment-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={a.download_url} download={a.file_name}>
                {a.file_name}
              </a>{' '}
              <span className="muted">
                ({formatBytes(a.size)}, added <DateTime value={a.upload_date} />)
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {canAttach && limits ? (
        <div className="card">
          <FilePicker
            label="Add files"
            name="file"
            files={files}
            onChange={(next) => {
              setFiles(next);
              setProblems([]);
            }}
            accept={acceptAttribute(limits)}
            errors={problems}
            hint={`Up to ${limits.max_files} files per ticket, ${formatBytes(limits.max_file_bytes)} each.`}
          />
          <UploadProgress fraction={progress} />
          <FormError error={error} />
          <button type="button" className="button button--secondary" disabled={files.length === 0 || progress !== null} onClick={upload}>
            Upload
          </button>
        </div>
      ) : null}
    </section>
  );
}
