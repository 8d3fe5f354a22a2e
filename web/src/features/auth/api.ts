// Client for the authentication API: the session, password changes and API tokens.
import { type RequestBody, type Schema, request } from '../../lib/api';
import type { Session } from '../../lib/identity';

export type ApiToken = Schema<'ApiToken'>;

export type NewApiToken = Schema<'NewApiToken'>;

export const authApi = {
  login: (email: string, password: string) =>
    request<Session>('POST', '/auth/login', { body: { email, password } satisfies RequestBody<'authLogin'>, authProbe: true }),
  me: () => request<Session>('GET', '/auth/me', { authProbe: true }),
  logout: () => request<void>('POST', '/auth/logout', { authProbe: true }),
  changePassword: (current_password: string, new_password: string) =>
    request<void>('POST', '/auth/password', { body: { current_password, new_password } satisfies RequestBody<'authPassword'> }),
  listTokens: async (): Promise<ApiToken[]> => (await request<Schema<'ApiTokenList'>>('GET', '/auth/tokens')).items,
  createToken: (name: string, expires_in_days: number) =>
    request<NewApiToken>('POST', '/auth/tokens', { body: { name, expires_in_days } satisfies RequestBody<'createAuthToken'> }),
  revokeToken: (id: number) => request<void>('DELETE', `/auth/tokens/${id}`),
  requestPasswordReset: (email: string) =>
    request<Schema<'PasswordResetRequested'>>('POST', '/auth/password-reset', {
      body: { email } satisfies RequestBody<'authPasswordReset'>,
      authProbe: true,
    }),
  confirmPasswordReset: (token: string, new_password: string) =>
    request<void>('POST', '/auth/password-reset/confirm', {
      body: { token, new_password } satisfies RequestBody<'authPasswordResetConfirm'>,
      authProbe: true,
    }),
};
