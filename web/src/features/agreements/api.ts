// Client for the integration agreements (/api/v1/integration-agreements; decision 0042): the
// credit ledger of DPR 179/2011, its entries and its verification. Types are the server's.
import { type Query, type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';

export type Agreement = Schema<'IntegrationAgreement'>;
export type Entry = Agreement['entries'][number];
export type Line = Agreement['explanation'][number];
export type LossBand = Schema<'IntegrationAgreementLossBand'>;
export type EntryInput = RequestBody<'createIntegrationAgreementEntry'>;

export const OUTCOMES = ['pending', 'fulfilled', 'fulfilled_with_benefits', 'extension', 'terminated', 'exempt'] as const;
export type OutcomesAreTheServers = Check<Same<(typeof OUTCOMES)[number], Agreement['outcome']>>;

/** The entries an officer records (the signature comes with the agreement, the extension with the verification). */
export const RECORDED_KINDS = ['civic_session_attended', 'civic_session_missed', 'italian_level', 'civic_knowledge', 'course', 'loss', 'exemption', 'correction'] as const;
export type RecordedKind = (typeof RECORDED_KINDS)[number];
export type RecordedKindsAreTheServers = Check<Same<RecordedKind, EntryInput['kind']>>;

/** Every kind of entry a ledger holds (agreement.h). */
export const ENTRY_KINDS = ['signature', 'civic_session_attended', 'civic_session_missed', 'italian_level', 'civic_knowledge', 'course', 'loss', 'exemption', 'correction', 'extension'] as const;
export type EntryKindsAreTheServers = Check<Same<(typeof ENTRY_KINDS)[number], Entry['kind']>>;

/** The levels each kind names (agreement.h); loss bands are data, read from the server. */
export const CIVIC_LEVELS = ['sufficient', 'good', 'very_good'] as const;
export const COURSES = ['hours80', 'hours120', 'hours250', 'hours500', 'school_year'] as const;
export const EXEMPTION_GROUNDS = ['asylum_protection', 'family_reasons', 'eu_long_term', 'unaccompanied_minor', 'trafficking_victim'] as const;
export const LEVELS: Partial<Record<RecordedKind, readonly string[]>> = {
  italian_level: ['a1', 'a2', 'b1', 'above_b1'],
  civic_knowledge: CIVIC_LEVELS,
  course: COURSES,
  exemption: EXEMPTION_GROUNDS,
};

/** What the explanation's lines say (agreement.cc's codes), each a message of its own. */
export const LINE_CODES = [
  'signature',
  'civic_session_attended',
  'civic_session_missed',
  'italian_level',
  'italian_not_better',
  'civic_knowledge',
  'civic_not_better',
  'course',
  'loss',
  'exemption',
  'extension_granted',
  'correction',
  'voided',
  'unknown_level',
  'outcome_pending',
  'outcome_fulfilled',
  'outcome_fulfilled_benefits',
  'outcome_exempt',
  'outcome_extension',
  'outcome_terminated_no_credits',
  'outcome_terminated_after_extension',
  'missing_credits',
  'missing_italian_a2',
  'missing_civic_knowledge',
] as const;

/** The server's limit on an entry's note (agreement_routes.cc), in characters. */
export const NOTE_MAX = 1000;
/** The server's limits on a loss band (agreement_routes.cc): the credits it takes, its words. */
export const LOSS_CREDITS_MAX = 25;
export const BAND_DESCRIPTION_MAX = 500;

export const agreementsApi = {
  list: (query: Query) => request<Schema<'IntegrationAgreementList'>>('GET', '/integration-agreements', { query }),
  get: (id: number) => request<Agreement>('GET', `/integration-agreements/${id}`),
  create: (body: RequestBody<'createIntegrationAgreement'>) => request<Agreement>('POST', '/integration-agreements', { body }),
  addEntry: (id: number, body: EntryInput) => request<Agreement>('POST', `/integration-agreements/${id}/entries`, { body }),
  verify: (id: number, body: RequestBody<'integrationAgreementVerification'>) => request<Agreement>('POST', `/integration-agreements/${id}/verification`, { body }),
  lossBands: () => request<Schema<'IntegrationAgreementLossBandList'>>('GET', '/integration-agreements/loss-bands'),
  /** The admin corrects a band (procedures.edit): every balance follows it from then on, recorded outcomes stay. */
  correctLossBand: (code: string, body: RequestBody<'integrationAgreementsLossBandsByCode'>) =>
    request<LossBand>('PUT', `/integration-agreements/loss-bands/${encodeURIComponent(code)}`, { body }),
};

/** A line's params ("name=value" pairs) as an object for the message. */
export function lineParams(line: Line): Record<string, string> {
  return Object.fromEntries(
    line.params.map((p) => {
      const at = p.indexOf('=');
      return [p.slice(0, at), p.slice(at + 1)];
    }),
  );
}
