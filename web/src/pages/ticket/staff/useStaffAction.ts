import { useCallback } from 'react';
import { ApiError } from '../../../api/errors';
import type { TicketRow } from '../../../api/types';
import { useSubmit } from '../../../hooks/useSubmit';

export interface StaffActionCallbacks {
  /** The action worked: its answer (the fresh ticket). */
  onDone: (ticket: TicketRow) => void;
  /** A 412: someone else changed the ticket first. */
  onStale: (error: ApiError) => void;
}

/**
 * Runs one ticket action: busy state, the API's error and field errors for
 * the form, a 412 handed to `onStale` (the page shows its banner) instead.
 */
export function useStaffAction({ onDone, onStale }: StaffActionCallbacks) {
  const submit = useSubmit();
  const { run } = submit;
  const perform = useCallback(
    async (work: () => Promise<TicketRow>) => {
      let stale: ApiError | null = null;
      const result = await run(async () => {
        try {
          return await work();
        } catch (e) {
          if (e instanceof ApiError && e.isStale) {
            stale = e;
            return undefined;
          }
          throw e;
        }
      });
      if (stale) onStale(stale);
      else if (result) onDone(result);
    },
    [run, onDone, onStale],
  );
  return { ...submit, perform };
}
