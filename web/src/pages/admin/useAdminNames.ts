import { useCallback } from 'react';
import { api } from '../../api/client';
import type { Account, Page } from '../../api/types';
import { useLoad } from '../../hooks/useLoad';
import { accountName } from './accounts/accountText';

/** Names for System Admin ids (who rejected, who made a key); falls back to "Admin #id". */
export function useAdminNames(): (id: number | null | undefined) => string {
  const admins = useLoad(
    (signal) => api.get<Page<Account>>('/api/employees/', { query: { role: 'System Admin', page_size: 100 }, signal }),
    [],
  );
  const data = admins.data;
  return useCallback(
    (id: number | null | undefined) => {
      if (id === null || id === undefined) return 'The operator (command line)';
      const found = data?.results.find((a) => a.id === id);
      return found ? accountName(found) : `Admin #${id}`;
    },
    [data],
  );
}
