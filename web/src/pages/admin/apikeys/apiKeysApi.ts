// The workflow system's API keys (System Admin).
import { api } from '../../../api/client';
import type { ApiKey, CreatedApiKey, Page } from '../../../api/types';
import { ADMIN_PAGE_SIZE } from '../usePageNumber';

/** One page of the keys, oldest first (the API counts them). */
export function listApiKeys(page: number, signal?: AbortSignal): Promise<Page<ApiKey>> {
  return api.get<Page<ApiKey>>('/api/workflow/api-keys/', { query: { page, page_size: ADMIN_PAGE_SIZE }, signal });
}

/** The answer carries `key`, the only time the server ever shows it. */
export function createApiKey(name: string): Promise<CreatedApiKey> {
  return api.post<CreatedApiKey>('/api/workflow/api-keys/', { name });
}

export function revokeApiKey(id: number): Promise<void> {
  return api.delete(`/api/workflow/api-keys/${id}/`);
}
