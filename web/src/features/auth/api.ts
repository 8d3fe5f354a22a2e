// Client for the authentication API: the session, password changes and API tokens.
import { type Page, request } from '../../lib/api';
import type { Session } from '../../lib/identity';

export interface ApiToken {
  id: number;
  name: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface NewApiToken {
  id: number;
  name: string;
  token: string;
  created_at: string;
  expires_at: string | null;
}

export const authApi = {
  login: (email: string, password: string) =>
    request<Session>('POST', '/auth/login', { body: { email, password }, authProbe: true }),
  me: () => request<Session>('GET', '/auth/me', { authProbe: true }),
  logout: () => request<void>('POST', '/auth/logout', { authProbe: true }),
  changePassword: (current_password: string, new_password: string) =>
    request<void>('POST', '/auth/password', { body: { current_password, new_password } }),
  listTokens: async (): Promise<ApiToken[]> => {
    const r = await request<ApiToken[] | Page<ApiToken>>('GET', '/auth/tokens');
    return Array.isArray(r) ? r : r?.items ?? [];
  },
  createToken: (name: string, expires_in_days: number) =>
    request<NewApiToken>('POST', '/auth/tokens', { body: { name, expires_in_days } }),
  revokeToken: (id: number) => request<void>('DELETE', `/auth/tokens/${id}`),
};
