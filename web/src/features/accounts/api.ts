// Client for the accounts API: organisations and users.
import { type RequestBody, type Schema, request } from '../../lib/api';
import type { User } from '../../lib/identity';

export type Organization = Schema<'Organization'>;

export const accountsApi = {
  listOrganizations: (query: { q?: string; type?: string; page?: number; per_page?: number }) =>
    request<Schema<'OrganizationList'>>('GET', '/organizations', { query }),
  getOrganization: (id: number) => request<Organization>('GET', `/organizations/${id}`),
  createOrganization: (body: RequestBody<'createOrganization'>) =>
    request<Organization>('POST', '/organizations', { body }),
  updateOrganization: (id: number, body: RequestBody<'updateOrganization'>) =>
    request<Organization>('PATCH', `/organizations/${id}`, { body }),

  listUsers: (query: { q?: string; organization_id?: number | string; role?: string; page?: number; per_page?: number }) =>
    request<Schema<'UserList'>>('GET', '/users', { query }),
  getUser: (id: number) => request<User>('GET', `/users/${id}`),
  createUser: (body: RequestBody<'createUser'>) => request<User>('POST', '/users', { body }),
  updateUser: (id: number, body: RequestBody<'updateUser'>) => request<User>('PATCH', `/users/${id}`, { body }),
  resetPassword: (id: number, new_password: string) =>
    request<void>('POST', `/users/${id}/password`, { body: { new_password } satisfies RequestBody<'userPassword'> }),
};
