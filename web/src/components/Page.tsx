import { useEffect, type ReactNode } from 'react';

const APP_NAME = 'SmartSupport';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`;
  }, [title]);
}

/** A page's container: its test id, its heading and the document title. */
export function Page({
  testId,
  title,
  actions,
  children,
  narrow = false,
}: {
  testId: string;
  title: string;
  /** Buttons or links shown beside the heading. */
  actions?: ReactNode;
  children: ReactNode;
  narrow?: boolean;
}) {
  usePageTitle(title);
  return (
    <section className={`page${narrow ? ' page--narrow' : ''}`} data-testid={testId}>
      <header className="page__header">
        <h1 className="page__title">{title}</h1>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
