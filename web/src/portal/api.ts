// The public directory API (docs: /api/v1/directory, no login). Requests carry no cookie
// (credentials: 'omit'): the portal is anonymous even in a browser where someone is signed in to
// the staff app, and a feedback can never be tied to a session.
import { portalLang } from './i18n';

export interface Term {
  code: string;
  id: string;
  label: string;
  count: number;
}
export interface Terms {
  category: Term[];
  target_group: Term[];
  permit_type: Term[];
}

export interface ServiceHit {
  id: string;
  name: string;
  description: string | null;
  lang: string;
  organization: { id: string; name: string };
  categories: string[];
  target_groups: string[];
  municipality: { istat_code: string; name: string } | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  free: boolean | null;
  languages: string[];
  open_now: boolean | null;
  distance_km: number | null;
  last_verified_on: string | null;
}

export interface SearchResult {
  items: ServiceHit[];
  total: number;
  page: number;
  per_page: number;
  /** No service has every word of q: these have some. */
  partial?: boolean;
}

export interface ServiceDetail extends ServiceHit {
  eligibility: string | null;
  application_process: string | null;
  fees_description: string | null;
  url: string | null;
  email: string | null;
  phones: { number: string; description: string | null }[];
  openings: { weekday: number; opens_at: string; closes_at: string }[];
  schedule_notes: string | null;
  required_documents: string[];
  permit_types: string[];
  locations: { name: string | null; address: string | null; latitude: number | null; longitude: number | null; confidential: boolean }[];
}

/** A refused or failed request: the HTTP status (0 without a network) and Retry-After in seconds. */
export class PortalApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly retryAfter: number | null = null,
  ) {
    super(code);
  }
}

const BASE = '/api/v1/directory';

/** A request to the public API (an absolute path, /api/v1/...), anonymous; a refusal or failure as PortalApiError. */
export async function publicRequest<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', headers: { Accept: 'application/json', ...init.headers } });
  } catch {
    throw new PortalApiError(0, 'network_error');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const retry = Number(response.headers.get('Retry-After'));
    throw new PortalApiError(response.status, body?.error?.code ?? 'error', Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return body as T;
}

const request = <T>(path: string, init: RequestInit = {}) => publicRequest<T>(`${BASE}${path}`, init);

export const queryString = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
};

export const directoryApi = {
  terms: () => request<Terms>(`/terms?${queryString({ lang: portalLang() })}`),
  search: (params: Record<string, string | number | undefined>) =>
    request<SearchResult>(`/search?${queryString({ ...params, lang: portalLang() })}`),
  service: (id: string) => request<ServiceDetail>(`/services/${encodeURIComponent(id)}?${queryString({ lang: portalLang() })}`),
  feedback: (id: string, body: { helped: boolean; quality: number | null; language: string | null }) =>
    request<{ received: boolean }>(`/services/${encodeURIComponent(id)}/feedback`, post(body)),
  suggestion: (id: string, body: { text: string; field: string }) =>
    request<{ received: boolean }>(`/services/${encodeURIComponent(id)}/suggestions`, post(body)),
};

function post(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
