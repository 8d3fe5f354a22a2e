// Client for the InNet JSON API (/api/v1). Cookie session + X-CSRF-Token on state-changing requests.
import type { Session } from './identity';

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

export type Query = Record<string, string | number | boolean | null | undefined>;

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
