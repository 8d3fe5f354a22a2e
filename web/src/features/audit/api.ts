// Client for the audit API: the audit log and the read log (decision 0010).
import { type Query, type Schema, request } from '../../lib/api';

/** A read of personal data, or a refused one. */
export type ReadEntry = Schema<'ReadEntry'>;

export type AuditEntry = Schema<'AuditEntry'>;

export const auditApi = {
  listAudit: (query: Query) => request<Schema<'AuditEntryList'>>('GET', '/audit', { query }),
  listReads: (query: Query) => request<Schema<'ReadEntryList'>>('GET', '/audit/reads', { query }),
};
