/** Shown after a 412: the ticket (or `what`) changed under us; offer to reload it. */
export function StaleVersionBanner({ onReload, what = 'ticket' }: { onReload: () => void; what?: string }) {
  return (
    <div className="alert alert--warning" role="alert">
      <p>
        <strong>Someone else changed this {what}.</strong> Reload to see the latest version, then try again.
      </p>
      <button type="button" className="button" onClick={onReload}>
        Reload
      </button>
    </div>
  );
}
