// The workflow system's API keys (System Admin).
import { api } from '../../../api/client';
import type { ApiKey, CreatedApiKey } from '../../../api/types';

export function listApiKeys(signal?: AbortSignal): Promise<ApiKey[]> {
  return api.get<ApiKey[]>('/api/workflow/api-keys/', { signal });
}

/** The answer carries `key`, the only time the server ever shows it. */
export function createApiKey(name: string): Promise<CreatedApiKey> {
  return api.post<CreatedApiKey>('/api/workflow/api-keys/', { name });
}

export function revokeApiKey(id: number): Promise<void> {
  return api.delete(`/api/workflow/api-keys/${id}/`);
}
