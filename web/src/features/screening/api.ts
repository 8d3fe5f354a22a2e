// Client for the screening API (decision 0031): a case's vulnerability section (flags, screenings,
// when the next screening is due), the instruments' versions, and the writes, which answer the
// whole section again. Types are the server's (lib/api-schema.d.ts, generated).
import { type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';
import { VULNERABILITY_CATEGORIES, VULNERABILITY_SEVERITIES } from '../../lib/vulnerability';

export type Section = Schema<'ScreeningSection'>;
export type Screening = Schema<'Screening'>;
export type Flag = Schema<'VulnerabilityFlag'>;
export type Instrument = Schema<'ScreeningInstrument'>;
export type Answer = Schema<'ScreeningAnswer'>;
export type Timeliness = Schema<'ScreeningTimelinessList'>;

export const CATEGORIES = VULNERABILITY_CATEGORIES;
export const SEVERITIES = VULNERABILITY_SEVERITIES;
export const STAGES = ['first', 'periodic', 'trigger'] as const;
export const INDICATOR_GROUPS = ['profile', 'physical_signs', 'health_disability', 'sexual_reproductive', 'mental_health', 'behaviour', 'trafficking_signs'] as const;
export const SCHEDULE_STATES = ['none', 'upcoming', 'due', 'late'] as const;
export const FLAG_SOURCES = ['screening', 'manual'] as const;
export const FLAG_STATUSES = ['active', 'withdrawn'] as const;
export const CHANGE_KINDS = ['correction', 'withdrawal'] as const;
export const INSTRUMENTS = ['ipsn', 'protect'] as const;
/** The shipped versions' indicator and item codes, which the locale files name (a later version's new code shows as its code). */
export const INDICATORS = [
  'under_18',
  'unaccompanied_child',
  'elderly',
  'female',
  'lgbti',
  'single_parent',
  'assault_injuries',
  'visible_illness',
  'work_injuries',
  'ownership_marks',
  'diagnosed_condition',
  'motor_disability',
  'sensory_impairment',
  'intellectual_disability',
  'std',
  'sexual_injuries',
  'gynaecological_symptoms',
  'fgm_signs',
  'pregnancy',
  'ptsd',
  'depression',
  'psychosis',
  'anxiety',
  'other_disorder',
  'impulsive',
  'appetite_change',
  'lack_of_self_care',
  'irregular_speech',
  'uncharacteristic',
  'psychotic_episodes',
  'high_risk',
  'self_harm',
  'memory_problems',
  'spoken_for',
  'documents_withheld',
  'debt',
] as const;
export const PROTECT_ITEMS = [
  'sleep',
  'nightmares',
  'headaches',
  'body_pain',
  'irritability',
  'intrusive_memories',
  'fear',
  'forgetfulness',
  'loss_of_interest',
  'concentration',
] as const;

export type Category = (typeof CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type CategoriesAreTheServers = Check<Same<Category, Flag['category']>>;
export type SeveritiesAreTheServers = Check<Same<Severity, Flag['severity']>>;
export type StagesAreTheServers = Check<Same<(typeof STAGES)[number], Screening['stage']>>;
export type GroupsAreTheServers = Check<Same<(typeof INDICATOR_GROUPS)[number], Schema<'ScreeningIndicator'>['group']>>;
export type StatesAreTheServers = Check<Same<(typeof SCHEDULE_STATES)[number], Schema<'ScreeningSchedule'>['state']>>;
export type SourcesAreTheServers = Check<Same<(typeof FLAG_SOURCES)[number], Flag['source']>>;
export type FlagStatusesAreTheServers = Check<Same<(typeof FLAG_STATUSES)[number], Flag['status']>>;
export type ChangeKindsAreTheServers = Check<Same<(typeof CHANGE_KINDS)[number], Schema<'VulnerabilityFlagChange'>['kind']>>;
export type InstrumentsAreTheServers = Check<Same<(typeof INSTRUMENTS)[number], Instrument['code']>>;

export type Decision = RequestBody<'screeningCompletion'>['decisions'][number];

export const screeningApi = {
  section: (caseId: number) => request<Section>('GET', `/cases/${caseId}/screening`),
  instruments: () => request<Schema<'ScreeningInstrumentList'>>('GET', '/screening-instruments'),
  start: (caseId: number, body: RequestBody<'createCaseScreening'>) => request<Section>('POST', `/cases/${caseId}/screenings`, { body }),
  save: (id: number, body: RequestBody<'updateScreening'>) => request<Section>('PATCH', `/screenings/${id}`, { body }),
  complete: (id: number, body: RequestBody<'screeningCompletion'>) => request<Section>('POST', `/screenings/${id}/completion`, { body }),
  flag: (caseId: number, body: RequestBody<'createCaseVulnerabilityFlag'>) => request<Section>('POST', `/cases/${caseId}/vulnerability-flags`, { body }),
  withdraw: (id: number, reason: string) => request<Section>('POST', `/vulnerability-flags/${id}/withdrawal`, { body: { reason } }),
  correct: (id: number, body: RequestBody<'vulnerabilityFlagCorrection'>) => request<Section>('POST', `/vulnerability-flags/${id}/correction`, { body }),
  timeliness: (from?: string, to?: string) => request<Timeliness>('GET', '/screening-timeliness', { query: { from: from ?? null, to: to ?? null } }),
};

/** How many marked indicators point to each category, in the vocabulary's order (the server's rule, live in the form). */
export function countsOf(instrument: Instrument, answers: Record<string, boolean>): { category: Category; count: number }[] {
  const counts = new Map<string, number>();
  for (const i of instrument.indicators) if (answers[i.code]) for (const c of i.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  return CATEGORIES.filter((c) => counts.has(c)).map((category) => ({ category, count: counts.get(category) ?? 0 }));
}

/** PROTECT's score, band and whether the cut-off is reached. */
export function scoreOf(instrument: Instrument, answers: Record<string, boolean>) {
  const score = instrument.items.filter((i) => answers[i]).length;
  const band = instrument.bands.find((b) => b.min <= score && score <= b.max)?.band ?? null;
  const referral = instrument.referral_cut_off !== null && score >= instrument.referral_cut_off;
  return { score, band, referral };
}
