import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/tickets';
import type { Ticket } from '../../api/types';
import { requiredProblem } from '../../auth/validation';
import { acceptAttribute, acceptedExtensions, checkAttachments, formatBytes } from '../../catalog/attachmentRules';
import { useCatalog } from '../../catalog/useCatalog';
import { ErrorState } from '../../components/ErrorState';
import { Field } from '../../components/Field';
import { FilePicker } from '../../components/FilePicker';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { Options } from '../../components/Options';
import { Page } from '../../components/Page';
import { SubmitButton } from '../../components/SubmitButton';
import { UploadProgress } from '../../components/UploadProgress';
import { mergeErrors, useSubmit } from '../../hooks/useSubmit';

const SUBJECT_MAX = 255;
const DESCRIPTION_MAX = 5000;

/** Today as YYYY-MM-DD in the reader's time zone (the earliest scheduled date). */
export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export default function NewTicketPage() {
  const navigate = useNavigate();
  const { catalog, error: catalogError, retry } = useCatalog();
  const [subject, setSubject] = useState('');
  const [category, setCategory] = useState('');
  const [subCategory, setSubCategory] = useState('');
  const [description, setDescription] = useState('');
  const [scheduled, setScheduled] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [progress, setProgress] = useState<number | null>(null);
  const idempotencyKey = useRef<string | null>(null);
  const { busy, error, fieldErrors, run } = useSubmit();

  if (catalogError) return <ErrorState message={catalogError} onRetry={retry} title="Could not load the ticket form" />;
  if (!catalog) return <Loading label="Loading the ticket form…" />;

  const limits = catalog.attachments;
  const subCategories = catalog.categories.find((c) => c.name === category)?.sub_categories ?? [];
  const today = todayLocal();
  const changed = () => {
    idempotencyKey.current = null; // different content, different request
  };
  // The onChange of a text control: the content changed, and `set` takes the new value.
  const edit = (set: (value: string) => void) => (e: { target: { value: string } }) => {
    changed();
    set(e.target.value);
  };

  function chooseFiles(next: File[]) {
    changed();
    setFiles(next);
    setClientErrors((e) => ({ ...e, attachments: checkAttachments(next, limits) }));
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string[]> = {};
    const add = (field: string, p: string | null) => {
      if (p) problems[field] = [p];
    };
    add('subject', requiredProblem(subject) ?? (subject.trim().length > SUBJECT_MAX ? `Use at most ${SUBJECT_MAX} characters.` : null));
    add('category', requiredProblem(category));
    add('sub_category', requiredProblem(subCategory));
    add('description', requiredProblem(description) ?? (description.length > DESCRIPTION_MAX ? `Use at most ${DESCRIPTION_MAX} characters.` : null));
    if (scheduled && scheduled < today) add('scheduled_date', 'The scheduled date cannot be in the past.');
    const fileProblems = checkAttachments(files, limits);
    if (fileProblems.length > 0) problems.attachments = fileProblems;
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) return;

    const form = new FormData();
    form.append('subject', subject.trim());
    form.append('category', category);
    form.append('sub_category', subCategory);
    form.append('description', description);
    if (scheduled) form.append('scheduled_date', scheduled);
    for (const f of files) form.append('attachments', f, f.name);
    idempotencyKey.current ??= newIdempotencyKey();
    const key = idempotencyKey.current;
    setProgress(files.length > 0 ? 0 : null);
    const created = await run(() =>
      api.upload<Ticket>('/api/tickets/', form, {
        headers: { 'Idempotency-Key': key },
        onProgress: (sent, total) => setProgress(total > 0 ? sent / total : null),
      }),
    );
    setProgress(null);
    if (created) navigate(`/tickets/${created.ticket_number}`);
  }

  const errors = mergeErrors(clientErrors, fieldErrors);
  return (
    <Page testId="page-new-ticket" title="New ticket">
      <FormError error={error} />
      <form className="form card" onSubmit={onSubmit} noValidate>
        <Field label="Subject" name="subject" errors={errors.subject} required>
          {(p) => (
            <input
              {...p}
              maxLength={SUBJECT_MAX}
              value={subject}
              onChange={edit(setSubject)}
            />
          )}
        </Field>
        <div className="form__row">
          <Field label="Category" name="category" errors={errors.category} required>
            {(p) => (
              <select
                {...p}
                value={category}
                onChange={(e) => {
                  changed();
                  setCategory(e.target.value);
                  setSubCategory('');
                }}
              >
                <option value="">Choose a category</option>
                {catalog.categories.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Sub-category"
            name="sub_category"
            errors={errors.sub_category}
            hint={category ? undefined : 'Choose a category first.'}
            required
          >
            {(p) => (
              <select
                {...p}
                value={subCategory}
                disabled={!category}
                onChange={edit(setSubCategory)}
              >
                <option value="">Choose a sub-category</option>
                <Options values={subCategories} />
              </select>
            )}
          </Field>
        </div>
        <Field
          label="Description"
          name="description"
          errors={errors.description}
          hint={
            <span className={`counter${description.length > DESCRIPTION_MAX ? ' counter--over' : ''}`}>
              {description.length} of {DESCRIPTION_MAX} characters
            </span>
          }
          required
        >
          {(p) => (
            <textarea
              {...p}
              rows={8}
              value={description}
              onChange={edit(setDescription)}
            />
          )}
        </Field>
        <Field label="Scheduled date (optional)" name="scheduled_date" errors={errors.scheduled_date} hint="When you need it done; not in the past.">
          {(p) => (
            <input
              {...p}
              type="date"
              min={today}
              value={scheduled}
              onChange={edit(setScheduled)}
            />
          )}
        </Field>
        <FilePicker
          label="Attachments (optional)"
          name="attachments"
          files={files}
          onChange={chooseFiles}
          accept={acceptAttribute(limits)}
          errors={errors.attachments}
          hint={`Up to ${limits.max_files} files, ${formatBytes(limits.max_file_bytes)} each: ${acceptedExtensions(limits).join(', ')}.`}
        />
        <UploadProgress fraction={progress} label="Sending the ticket" />
        <div className="form__actions">
          <SubmitButton busy={busy} busyLabel="Submitting…" label="Submit ticket" />
        </div>
      </form>
    </Page>
  );
}
