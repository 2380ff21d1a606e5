import { ApiError } from '../api/errors';

/**
 * The form-level message: an ApiError's detail (field messages appear beside
 * their fields instead) or a plain sentence. Renders nothing when empty.
 */
export function FormError({ error, id }: { error: ApiError | string | null | undefined; id?: string }) {
  if (!error) return null;
  const text = typeof error === 'string' ? error : error.detail;
  const hasFields = error instanceof ApiError && Object.keys(error.fieldErrors).length > 0;
  return (
    <div className="alert alert--error" role="alert" id={id}>
      <p>{text}</p>
      {hasFields ? <p className="alert__more">Check the fields marked below.</p> : null}
    </div>
  );
}
