// Client for the accounts API: organisations and users.
import { type Page, request } from '../../lib/api';
import type { OrganizationRef, OrgType, Role, User } from '../../lib/identity';

export interface Organization extends OrganizationRef {
  created_at: string;
}

export const accountsApi = {
  listOrganizations: (query: { q?: string; type?: string; page?: number; per_page?: number }) =>
    request<Page<Organization>>('GET', '/organizations', { query }),
  getOrganization: (id: number) => request<Organization>('GET', `/organizations/${id}`),
  createOrganization: (body: { name: string; type: OrgType; istat_code?: string | null }) =>
    request<Organization>('POST', '/organizations', { body }),
  updateOrganization: (id: number, body: Partial<{ name: string; type: OrgType; istat_code: string | null }>) =>
    request<Organization>('PATCH', `/organizations/${id}`, { body }),

  listUsers: (query: { q?: string; organization_id?: number | string; role?: string; page?: number; per_page?: number }) =>
    request<Page<User>>('GET', '/users', { query }),
  getUser: (id: number) => request<User>('GET', `/users/${id}`),
  createUser: (body: { email: string; display_name: string; role: Role; organization_id: number; password: string }) =>
    request<User>('POST', '/users', { body }),
  updateUser: (id: number, body: Partial<{ display_name: string; role: Role; active: boolean }>) =>
    request<User>('PATCH', `/users/${id}`, { body }),
  resetPassword: (id: number, new_password: string) =>
    request<void>('POST', `/users/${id}/password`, { body: { new_password } }),
};
