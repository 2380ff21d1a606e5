import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../api/errors';
import { FormError } from './FormError';

/**
 * A form in a card: its title (an `h2` with the id `<id>-title`, which labels
 * the form), the error of its last submission, after a success the `notice`,
 * then its fields.
 */
export function CardForm({
  id,
  title,
  onSubmit,
  error,
  notice = null,
  children,
}: {
  id: string;
  title: string;
  onSubmit: (e: FormEvent) => void;
  error: ApiError | string | null | undefined;
  notice?: string | null;
  children: ReactNode;
}) {
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <FormError error={error} />
      {notice ? (
        <div className="alert alert--success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      {children}
    </form>
  );
}
