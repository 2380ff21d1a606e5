import { Page } from '../components/Page';

/** Stands in for a page that is not built yet. */
export function Placeholder({ testId, title }: { testId: string; title: string }) {
  return (
    <Page testId={testId} title={title}>
      <p>This page is not available yet.</p>
    </Page>
  );
}
