import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import type { Account, Catalog } from '../../../api/types';
import { checkImage, formatBytes } from '../../../catalog/attachmentRules';
import { CardForm } from '../../../components/CardForm';
import { FilePicker } from '../../../components/FilePicker';
import { SubmitButton } from '../../../components/SubmitButton';
import { UploadProgress } from '../../../components/UploadProgress';
import { useSubmit } from '../../../hooks/useSubmit';

/** Uploads a PNG or JPEG picture, checked for type and size first. */
export function PictureForm({ limits, onSaved }: { limits: Catalog['image']; onSaved: (a: Account) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const { busy, error, fieldErrors, run } = useSubmit();

  function choose(files: File[]) {
    const f = files[0] ?? null;
    setFile(f);
    setProblems(f ? checkImage(f, limits) : []);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setProblems(['Choose a picture first.']);
      return;
    }
    const found = checkImage(file, limits);
    setProblems(found);
    if (found.length > 0) return;
    const form = new FormData();
    form.append('image', file, file.name);
    setProgress(0);
    const updated = await run(() =>
      api.upload<Account>('/api/employee/upload-image/', form, { onProgress: (s, t) => setProgress(t > 0 ? s / t : null) }),
    );
    setProgress(null);
    if (updated) {
      setFile(null);
      onSaved(updated);
    }
  }

  return (
    <CardForm id="picture" title="Profile picture" onSubmit={onSubmit} error={error}>
      <FilePicker
        label="Picture"
        name="image"
        files={file ? [file] : []}
        onChange={choose}
        accept={limits.types.join(',')}
        multiple={false}
        errors={[...problems, ...(fieldErrors.image ?? [])]}
        hint={`PNG or JPEG, at most ${formatBytes(limits.max_bytes)}.`}
      />
      <UploadProgress fraction={progress} />
      <div className="form__actions">
        <SubmitButton busy={busy} busyLabel="Uploading…" label="Upload picture" />
      </div>
    </CardForm>
  );
}
