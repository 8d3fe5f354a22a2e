// Client for the directory's editorial workflow (/api/v1/directory/...; decision 0038). Types are
// the server's (generated from its OpenAPI document).
import { type Query, type Schema, fileUrl, request, uploadFile } from '../../lib/api';

export type Listing = Schema<'DirectoryListing'>;
export type ListingDetail = Schema<'DirectoryListingDetail'>;
export type ChangeFields = Schema<'DirectoryChangeFields'>;
export type Change = Schema<'DirectoryChange'>;
export type Suggestion = Schema<'DirectorySuggestion'>;
export type Feedback = Schema<'DirectoryFeedback'>;
export type ImportJob = Schema<'DirectoryImport'>;

/** The editable fields, in the form's order (editorial.cc). */
export const FIELDS = ['name', 'description', 'eligibility_description', 'application_process', 'phones', 'openings', 'languages', 'translations'] as const;
export type FieldName = (typeof FIELDS)[number];
export const TRANSLATION_LANGUAGES = ['en', 'fr', 'ar', 'uk', 'bn'] as const;
export const TRANSLATED_FIELDS = ['name', 'description', 'eligibility_description'] as const;

export type ChangeBody = Partial<ChangeFields> & { note?: string | null; direct?: boolean; suggestion_id?: number | null };

const base = '/directory';

export const directoryApi = {
  listings: (query: Query) => request<Schema<'DirectoryListingList'>>('GET', `${base}/listings`, { query }),
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
