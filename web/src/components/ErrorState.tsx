/** A failed load: the message and, when given, a Try again button. */
export function ErrorState({ message, onRetry, title = 'Could not load this' }: { message: string; onRetry?: () => void; title?: string }) {
  return (
    <div className="error-state" role="alert">
      <h2 className="error-state__title">{title}</h2>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
