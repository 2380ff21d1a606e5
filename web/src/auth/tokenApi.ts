// The cookie-mode token routes. The refresh token lives only in the
// HttpOnly cookie the server sets on /api/token/; scripts never see it.
import { request } from '../api/client';
import type { TokenPair } from '../api/types';

export const SESSION_HEADER = { 'X-Helpdesk-Session': 'cookie' } as const;

export function loginRequest(email: string, password: string): Promise<TokenPair> {
  return request<TokenPair>('POST', '/api/token/', { email, password }, { auth: false, headers: { ...SESSION_HEADER } });
}

export function refreshRequest(): Promise<TokenPair> {
  return request<TokenPair>('POST', '/api/token/refresh/', {}, { auth: false, headers: { ...SESSION_HEADER } });
}

export function logoutRequest(accessToken: string | null): Promise<void> {
  const headers: Record<string, string> = { ...SESSION_HEADER };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  return request<void>('POST', '/api/token/logout/', undefined, { auth: false, headers });
}
