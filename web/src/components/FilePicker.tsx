import { useRef } from 'react';
import { formatBytes } from '../catalog/attachmentRules';
import { Field } from './Field';

/**
 * A file input that adds to a list of chosen files, each with a Remove
 * button; `problems` (checked before any upload) are shown beside it.
 */
export function FilePicker({
  label,
  name,
  files,
  onChange,
  accept,
  hint,
  errors,
  multiple = true,
}: {
  label: string;
  name: string;
  files: readonly File[];
  onChange: (files: File[]) => void;
  accept: string;
  hint?: string;
  errors?: readonly string[];
  multiple?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <Field label={label} name={name} errors={errors} hint={hint}>
      {(p) => (
        <div className="file-picker">
          <input
            {...p}
            ref={input}
            type="file"
            multiple={multiple}
            accept={accept}
            onChange={(e) => {
              const picked = Array.from(e.target.files ?? []);
              onChange(multiple ? [...files, ...picked] : picked);
              // Let the same file be picked again after a Remove.
              if (input.current) input.current.value = '';
            }}
          />
          {files.length > 0 ? (
            <ul className="file-list" aria-label="Chosen files">
              {files.map((f, i) => (
                <li key={`${f.name}-${i}`}>
                  <span>
                    {f.name} <span className="muted">({formatBytes(f.size)})</span>
                  </span>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onChange(files.filter((_, j) => j !== i))}
                    aria-label={`Remove ${f.name}`}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </Field>
  );
}
