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

/** The kinds of object the trail's entries are about. */
export const AUDIT_ENTITY_TYPES = [
  'user',
  'api_token',
  'organization',
  'centre',
  'contract',
  'person',
  'family_group',
  'placement',
  'invoice',
  'credit_note',
  'lot',
  'centre_derogation',
  'handover',
  'absence_notice',
  'document',
  'inspection',
  'checklist',
  'case',
  'guidance_page',
  'screening_instrument',
  'screening_settings',
  'database',
  'procedure',
  'procedure_file',
] as const;

/**
 * The names found in entries' details (what each action records, plus the request fields some
 * actions keep): shown as labelled lines. A name not listed here is shown as sent.
 */
export const AUDIT_DETAIL_FIELDS = [
  'window',
  'failures',
  'window_start',
  'last_failure',
  'email',
  'display_name',
  'role',
  'organization_id',
  'active',
  'name',
  'type',
  'istat_code',
  'status',
  'address',
  'operator_id',
  'places',
  'services',
  'step_free_access',
  'accessibility_notes',
  'latitude',
  'longitude',
  'contact_name',
  'contact_phone',
  'contact_email',
  'cig',
  'start_date',
  'end_date',
  'price_cents',
  'pocket_money_cents',
  'pocket_money_family_cap_cents',
  'manager_user_id',
  'fields',
  'placements',
  'request',
  'override_reason',
  'person_ids',
  'person_id',
  'centre_id',
  'to_centre_id',
  'category',
  'date',
  'arrival_from',
  'reason',
  'note',
  'day',
  'entry_id',
  'withdraws_id',
  'confirmation_id',
  'seq',
  'present',
  'absent',
  'hash',
  'month',
  'number',
  'amount_cents',
  'presence_days',
  'lines',
  'replaces_id',
  'family_group_id',
  'family_of',
  'family_name',
  'given_names',
  'family_name_original',
  'given_names_original',
  'birth_date',
  'birth_date_estimated',
  'sex',
  'nationality',
  'languages',
  'codice_fiscale',
  'cui',
  'from',
  'to',
  'version',
  'based_on',
] as const;
