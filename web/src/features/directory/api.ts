// Client for the directory's editorial workflow (/api/v1/directory/...; decision 0038). Types are
// the server's (generated from its OpenAPI document).
import { type Query, type Schema, fileUrl, request, uploadFile } from '../../lib/api';

export type Listing = Schema<'DirectoryListing'>;
export type ListingDetail = Schema<'DirectoryListingDetail'>;
export type ChangeFields = Schema<'DirectoryListingFields'>;
export type Change = Schema<'DirectoryChange'>;
export type Suggestion = Schema<'DirectorySuggestion'>;
export type Feedback = Schema<'DirectoryFeedback'>;
export type ImportJob = Schema<'DirectoryImport'>;

/** The editable fields, in the form's order (editorial.cc). */
export const FIELDS = ['name', 'description', 'eligibility_description', 'application_process', 'phones', 'openings', 'languages', 'translations'] as const;
export type FieldName = (typeof FIELDS)[number];
export const TRANSLATION_LANGUAGES = ['en', 'fr', 'ar', 'uk', 'bn'] as const;
/** Languages with a name at directory.languages.<code> (feedback in others shows the code). */
export const LANGUAGE_NAMES = ['it', 'en', 'fr', 'ar', 'uk', 'bn'] as const;
/** Days of the week as the server numbers them (1 Monday .. 7 Sunday). */
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export const CHANGE_STATES = ['pending', 'approved', 'rejected'] as const;
export const SUGGESTION_FIELDS = ['name', 'address', 'hours', 'phone', 'other'] as const;
/** HSDS service statuses. */
export const LISTING_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export const IMPORT_PHASES = ['unpacking', 'reading', 'checking', 'saving', 'finished'] as const;
export const SORT_KEYS = ['name', '-name', 'organization', 'last_verified_on', '-last_verified_on', '-last_modified'] as const;
/** The directory's own error codes (errors.ts). */
export const OWN_ERRORS = ['no_changes', 'already_decided', 'import_running', 'invalid_archive', 'invalid_file'] as const;
export const TRANSLATED_FIELDS = ['name', 'description', 'eligibility_description'] as const;

export type ChangeBody = Schema<'DirectoryChangeFields'> & { note?: string | null; direct?: boolean; suggestion_id?: number | null };

const base = '/directory';

export const directoryApi = {
  listings: (query: Query) => request<Schema<'DirectoryListingList'> & { verify_months: number }>('GET', `${base}/listings`, { query }),
  csvUrl: (query: Query) => fileUrl(`${base}/listings`, { ...query, format: 'csv' }),
  listing: (id: string) => request<ListingDetail>('GET', `${base}/listings/${id}`),
  propose: (id: string, body: ChangeBody) => request<Change>('POST', `${base}/listings/${id}/changes`, { body }),
  verify: (id: string) => request<Listing>('POST', `${base}/listings/${id}/verify`),
  changes: (query: Query) => request<Schema<'DirectoryChangeList'>>('GET', `${base}/changes`, { query }),
  approve: (id: number) => request<Change>('POST', `${base}/changes/${id}/approve`),
  reject: (id: number, reason: string) => request<Change>('POST', `${base}/changes/${id}/reject`, { body: { reason } }),
  suggestions: (query: Query) => request<Schema<'DirectorySuggestionList'>>('GET', `${base}/suggestions`, { query }),
  handle: (id: number, note: string) => request<Suggestion>('POST', `${base}/suggestions/${id}/handle`, { body: { note: note || null } }),
  rejectSuggestion: (id: number, note: string) => request<Suggestion>('POST', `${base}/suggestions/${id}/reject`, { body: { note: note || null } }),
  feedback: (query: Query) => request<Schema<'DirectoryFeedbackList'>>('GET', `${base}/feedback`, { query }),
  upload: (file: File, onProgress: (sent: number) => void) => uploadFile<ImportJob>(`${base}/imports`, file, { query: { filename: file.name }, onProgress }),
  importJob: (id: string) => request<ImportJob>('GET', `${base}/imports/${id}`),
};

/** A value of a field as one line of text, for the "what will change" comparison. */
export function describeValue(field: string, value: unknown, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (value === null || value === undefined || value === '') return t('directory.empty');
  if (!Array.isArray(value)) return String(value);
  if (value.length === 0) return t('directory.empty');
  return value
    .map((v) => {
      if (typeof v === 'string') return v;
      const o = v as Record<string, unknown>;
      if (field === 'phones') return o.description ? `${o.number} (${o.description})` : String(o.number);
      if (field === 'openings') return `${t(`directory.weekdays.${o.weekday}`)} ${o.opens_at}–${o.closes_at}`;
      if (field === 'translations') return `${String(o.language).toUpperCase()} · ${t(`directory.fields.${o.field}`)}: ${o.text || t('directory.empty')}`;
      return JSON.stringify(v);
    })
    .join('; ');
}
