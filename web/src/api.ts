// Client for the InNet JSON API (/api/v1). Cookie session + X-CSRF-Token on state-changing requests.

export type Role =
  | 'admin'
  | 'prefecture_officer'
  | 'inspector'
  | 'case_worker'
  | 'service_provider'
  | 'sui_officer'
  | 'analyst';

export const ROLES: Role[] = [
  'admin',
  'prefecture_officer',
  'inspector',
  'case_worker',
  'service_provider',
  'sui_officer',
  'analyst',
];

export type OrgType =
  | 'prefecture'
  | 'questura'
  | 'municipality'
  | 'health_authority'
  | 'centre_operator'
  | 'ngo'
  | 'school'
  | 'other';

export const ORG_TYPES: OrgType[] = [
  'prefecture',
  'questura',
  'municipality',
  'health_authority',
  'centre_operator',
  'ngo',
  'school',
  'other',
];

export interface OrganizationRef {
  id: number;
  name: string;
  type: OrgType;
  istat_code: string | null;
}

export interface Organization extends OrganizationRef {
  created_at: string;
}

export interface User {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  active: boolean;
  organization: OrganizationRef;
  permissions?: string[];
}

export interface Session {
  user: User;
  csrf_token: string;
}

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

/** A read of personal data, or a refused one (decision 0010). */
export interface ReadEntry {
  id: number;
  at: string;
  actor_user_id: number | null;
  actor_email: string;
  client_address: string;
  request_id: string;
  /** method and route pattern: what the persons were read for */
  route: string;
  path: string;
  status: number;
  outcome: 'success' | 'denied';
  person_ids: number[];
}

export interface AuditEntry {
  /** null until the entry is chained into the tamper-evident log */
  seq: number | null;
  at: string;
  actor_user_id: number | null;
  actor_email: string | null;
  client_address: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | number | null;
  outcome: string;
  details: unknown;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** The count stopped at `total` (a person search): more match. */
  total_capped?: boolean;
  page: number;
  per_page: number;
}

/** Why the server refused a field: a stable code, its parameters and the English reason (decision 0013). */
export interface FieldError {
  code: string;
  params: Record<string, unknown>;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, FieldError> = {},
    /** Seconds to wait, from the Retry-After header (429). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when a request that needed a session gets 401 (e.g. the session expired). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const FALLBACK_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation_failed',
  429: 'too_many_attempts',
};

type Query = Record<string, string | number | boolean | null | undefined>;

function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not treat 401 as an expired session (login, session probe). */
  authProbe?: boolean;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(`/api/v1${path}${queryString(opts.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Network error');
  }
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const err = (body && typeof body === 'object' && (body as { error?: unknown }).error) || {};
  const e = err as { code?: unknown; message?: unknown; fields?: unknown };
  const code = typeof e.code === 'string' && e.code ? e.code : FALLBACK_CODES[res.status] ?? 'internal_error';
  const message = typeof e.message === 'string' ? e.message : res.statusText;
  const fields =
    e.fields && typeof e.fields === 'object' ? (e.fields as Record<string, FieldError>) : ({} as Record<string, FieldError>);
  return new ApiError(res.status, code, message, fields, parseRetryAfter(res.headers.get('Retry-After')));
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, opts);
  if (res.status === 403 && method !== 'GET') {
    const err = await toError(res.clone());
    if (err.code === 'csrf_failed') {
      // The token may have rotated: fetch a fresh one and try once more.
      const me = await send('GET', '/auth/me', {});
      if (me.ok) {
        const session = (await me.json()) as Session;
        setCsrfToken(session.csrf_token);
        res = await send(method, path, opts);
      }
    }
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && !opts.authProbe && onUnauthenticated) onUnauthenticated();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
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

  listAudit: (query: Query) => request<Page<AuditEntry>>('GET', '/audit', { query }),
  listReads: (query: Query) => request<Page<ReadEntry>>('GET', '/audit/reads', { query }),
};

/** Loads every page of a list (bounded), e.g. organisations for a select. */
export async function listAll<T>(
  load: (page: number, perPage: number) => Promise<Page<T>>,
  maxPages = 10,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const r = await load(page, 100);
    out.push(...r.items);
    if (out.length >= r.total || r.items.length === 0) break;
  }
  return out;
}
