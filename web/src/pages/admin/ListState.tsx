import type { ReactNode } from 'react';
import type { Page as ApiPage } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Pagination } from '../../components/Pagination';
import type { LoadState } from '../../hooks/useLoad';
import type { usePageNumber } from './usePageNumber';

/** An admin list's loading, error and empty states; otherwise its rows (children) and the page buttons. */
export function ListState<T>({
  list,
  paging,
  loadingLabel,
  errorTitle,
  empty,
  pagesLabel,
  children,
}: {
  list: LoadState<ApiPage<T>>;
  paging: ReturnType<typeof usePageNumber>;
  loadingLabel: string;
  errorTitle: string;
  empty: string;
  pagesLabel: string;
  children: (data: ApiPage<T>) => ReactNode;
}) {
  return (
    <>
      {list.loading && !list.data ? <Loading label={loadingLabel} /> : null}
      {list.error ? <ErrorState title={errorTitle} message={list.error} onRetry={list.reload} /> : null}
      {list.data && !list.error ? (
        list.data.results.length === 0 ? (
          <p className="empty-state">{empty}</p>
        ) : (
          <>
            {children(list.data)}
            <Pagination
              label={pagesLabel}
              hasPrevious={paging.page > 1}
              hasNext={Boolean(list.data.next)}
              onPrevious={paging.previous}
              onNext={paging.next}
              pageNumber={paging.page}
              busy={list.loading}
            />
          </>
        )
      ) : null}
    </>
  );
}
