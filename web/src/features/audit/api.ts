// Client for the audit API: the audit log and the read log.
import { type Page, type Query, request } from '../../lib/api';

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

export const auditApi = {
  listAudit: (query: Query) => request<Page<AuditEntry>>('GET', '/audit', { query }),
  listReads: (query: Query) => request<Page<ReadEntry>>('GET', '/audit/reads', { query }),
};
