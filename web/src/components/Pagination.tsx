/** Previous / Next buttons for cursor paging (see usePaging). */
export function Pagination({
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  pageNumber,
  label = 'Pages',
  busy = false,
}: {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  pageNumber?: number;
  label?: string;
  busy?: boolean;
}) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <button type="button" className="button button--secondary" onClick={onPrevious} disabled={!hasPrevious || busy}>
        ← Previous
      </button>
      {pageNumber !== undefined ? <span className="pagination__page">Page {pageNumber}</span> : null}
      <button type="button" className="button button--secondary" onClick={onNext} disabled={!hasNext || busy}>
        Next →
      </button>
    </nav>
  );
}
