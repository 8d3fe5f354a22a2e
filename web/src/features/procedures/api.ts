// Client for the administrative procedures and their files (/api/v1/procedures,
// /api/v1/procedure-files; decision 0040). Types are the server's.
import { type RequestBody, type Schema, fileUrl, request } from '../../lib/api';
import type { operations } from '../../lib/api-schema';
import type { Check, Same } from '../../lib/typeChecks';

export type Procedure = Schema<'Procedure'>;
/** A procedure as the admin writes it (POST and PUT take the same body). */
export type ProcedureInput = RequestBody<'createProcedure'>;
/** A person as the identity search shows one: record number, names, birth date, nationality. */
export type PersonIdentity = Schema<'PersonIdentity'>;
export type ProcedureFile = Schema<'ProcedureFile'>;
export type Clock = Schema<'ProcedureClock'>;
export type FileInput = RequestBody<'createProcedureFile'>;
export type Outcome = Schema<'ProcedureFileDecision'>['outcome'];
export type FileQuery = NonNullable<operations['listProcedureFiles']['parameters']['query']>;
export type FileCounts = Schema<'ProcedureFileCounts'>;
/** The list's sort keys (files.h file_sort_keys), '-' first for descending. */
export type FileSort = NonNullable<FileQuery['sort']>;

/** The legal clock's states (legal_clock.h), in the order a file lives them. */
export const CLOCK_STATES = ['not_started', 'running', 'due_soon', 'suspended', 'overdue', 'closed'] as const;
export type ClockState = Clock['state'];
export type ClockStatesAreTheServers = Check<Same<(typeof CLOCK_STATES)[number], ClockState>>;

export const OUTCOMES = ['granted', 'refused', 'withdrawn', 'silent_consent'] as const;
export type OutcomesAreTheServers = Check<Same<(typeof OUTCOMES)[number], Outcome>>;

/** How the days of a term are counted (terms.h). */
export const COUNTINGS = ['calendar', 'working', 'months'] as const;
/** Whether a term ending on a Saturday moves to the next working day (terms.h). */
export const SATURDAYS = ['stays', 'moves'] as const;
export type SaturdaysAreTheServers = Check<Same<(typeof SATURDAYS)[number], Procedure['terms'][number]['saturday']>>;
export type CountingsAreTheServers = Check<Same<(typeof COUNTINGS)[number], Procedure['terms'][number]['counting']>>;

/**
 * The catalogue says nothing of who else a file names: the family member in Italy is asked for a
 * family reunification, the employer for a work entry (decision 0040's seeded procedures).
 */
export const TAKES_SPONSOR: readonly string[] = ['family_reunification'];
export const TAKES_EMPLOYER: readonly string[] = ['work_entry'];

/** The server's limits (file_routes.cc), in characters. */
export const PROTOCOL_MAX = 60;
export const EMPLOYER_MAX = 200;

/** The catalogue's names besides the Italian one, in the app's order (decision 0043). */
export const NAME_LANGUAGES = ['en', 'fr', 'ar', 'uk', 'bn'] as const;
export type NameLanguagesAreTheServers = Check<Same<(typeof NAME_LANGUAGES)[number], Procedure['names'][number]['language']>>;

export const proceduresApi = {
  /** `lang`: the language of the labels (the app's, not the browser's). */
  catalogue: (lang?: string) => request<Schema<'ProcedureList'>>('GET', '/procedures', { query: { lang } }),
  procedure: (id: number, lang?: string) => request<Procedure>('GET', `/procedures/${id}`, { query: { lang } }),
  createProcedure: (body: ProcedureInput, lang?: string) => request<Procedure>('POST', '/procedures', { body, query: { lang } }),
  replaceProcedure: (id: number, body: ProcedureInput, lang?: string) => request<Procedure>('PUT', `/procedures/${id}`, { body, query: { lang } }),
  list: (query: FileQuery) => request<Schema<'ProcedureFileList'>>('GET', '/procedure-files', { query }),
  /** Every file of the filters, in the order asked, as CSV or XLSX in the page's language. */
  listFile: (query: FileQuery, format: 'csv' | 'xlsx', lang: string) => fileUrl('/procedure-files', { ...query, format, lang }),
  /** The deadline dashboard: for each procedure, the caller's open, overdue, due soon and suspended files. */
  counts: () => request<FileCounts>('GET', '/procedure-files/counts'),
  get: (id: number) => request<ProcedureFile>('GET', `/procedure-files/${id}`),
  create: (body: FileInput) => request<ProcedureFile>('POST', '/procedure-files', { body }),
  advance: (id: number, body: RequestBody<'createProcedureFileStep'>) => request<ProcedureFile>('POST', `/procedure-files/${id}/steps`, { body }),
  recordDocument: (id: number, body: RequestBody<'createProcedureFileDocument'>) => request<ProcedureFile>('POST', `/procedure-files/${id}/documents`, { body }),
  suspend: (id: number, body: RequestBody<'createProcedureFileSuspension'>) => request<ProcedureFile>('POST', `/procedure-files/${id}/suspensions`, { body }),
  resume: (id: number, body: RequestBody<'procedureFileResumption'>) => request<ProcedureFile>('POST', `/procedure-files/${id}/resumption`, { body }),
  /** The SUI's way to a person it may not read (decision 0043): identity fields only. */
  identify: (name: string, birth_date: string) => request<Schema<'PersonIdentityList'>>('GET', '/persons/identities', { query: { name, birth_date } }),
  register: (body: { family_name: string; given_names: string; sex: string; birth_date: string; nationality: string }) =>
    request<PersonIdentity>('POST', '/persons/identities', { body }),
  decide: (id: number, body: RequestBody<'procedureFileDecision'>) => request<ProcedureFile>('POST', `/procedure-files/${id}/decision`, { body }),
};
