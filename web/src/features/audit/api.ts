// Client for the audit API: the audit log and the read log (decision 0010).
import { type Query, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';

/** A read of personal data, or a refused one (its outcomes written out: see lib/typeChecks.ts). */
export interface ReadEntry extends Schema<'ReadEntry'> {
  outcome: 'success' | 'denied';
}

export type ReadEntryIsTheServers = Check<Same<ReadEntry, Schema<'ReadEntry'>>>;

export type AuditEntry = Schema<'AuditEntry'>;

export const auditApi = {
  listAudit: (query: Query) => request<Schema<'AuditEntryList'>>('GET', '/audit', { query }),
  listReads: (query: Query) => request<Schema<'ReadEntryList'>>('GET', '/audit/reads', { query }),
};
