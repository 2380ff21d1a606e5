import { useId, type ReactNode } from 'react';

/** What a Field hands to its control: wire these onto the input/select/textarea. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  required?: boolean;
}

export interface FieldProps {
  label: string;
  name: string;
  /** Messages shown beside the control (client checks or the API's field_errors). */
  errors?: readonly string[] | undefined;
  /** A rule or help text shown under the label. */
  hint?: ReactNode;
  required?: boolean;
  /** Renders the control with the ids and aria wiring. */
  children: (control: ControlProps) => ReactNode;
  className?: string;
}

/** A label, its control, a hint and the errors beside it, linked by aria-describedby. */
export function Field({ label, name, errors, hint, required, children, className }: FieldProps) {
  const base = useId();
  const id = `${base}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors && errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errorId ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <span className="field__required"> (required)</span> : null}
      </label>
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      {children({ id, name, 'aria-invalid': Boolean(errorId), 'aria-describedby': describedBy, required })}
      {errorId ? (
        <ul id={errorId} className="field__errors">
          {errors!.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
