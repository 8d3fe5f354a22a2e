// Client for the reception API: centres, contracts, guests, placements, occupancy and persons.
import { request, type Page } from './api';
import type { TFunction } from './i18n';

export const CENTRE_TYPES = ['hotspot', 'cpa', 'cas', 'sai', 'accoglienza_diffusa'] as const;
export const CENTRE_STATUSES = ['active', 'suspended', 'closed', 'special_administration'] as const;
export const CENTRE_SERVICES = [
  'cultural_mediation',
  'legal_information',
  'health_care',
  'psychological_support',
  'italian_courses',
  'job_guidance',
  'canteen',
  'laundry',
  'childcare',
  'school_support',
  'female_mediators',
  'internet_access',
] as const;
export const CATEGORIES = ['single_men', 'single_women', 'families', 'minors'] as const;
export const ARRIVAL_ORIGINS = ['landing', 'hotspot', 'transfer', 'direct'] as const;
export const EXIT_REASONS = [
  'transferred_to_sai',
  'left_voluntarily',
  'removed',
  'repatriated',
  'protection_obtained',
  'end_of_eligibility',
  'deceased',
  'other',
] as const;
export const SEXES = ['female', 'male', 'unspecified'] as const;

export type Category = (typeof CATEGORIES)[number];
export type Counts = Record<Category, number> & { total: number };

export interface Centre {
  id: number;
  name: string;
  type: string;
  operator_id: number;
  operator_name?: string;
  address: string;
  istat_code: string;
  latitude: number | null;
  longitude: number | null;
  places: Counts;
  step_free_access: boolean;
  accessibility_notes: string | null;
  services: string[];
  status: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  created_at: string;
  updated_at: string;
}

export interface CentreInput {
  name: string;
  type: string;
  operator_id: number;
  address: string;
  istat_code: string;
  latitude: number | null;
  longitude: number | null;
  places_single_men: number;
  places_single_women: number;
  places_families: number;
  places_minors: number;
  step_free_access: boolean;
  accessibility_notes: string | null;
  services: string[];
  status: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
}

export interface Contract {
  id: number;
  centre_id: number;
  cig: string;
  start_date: string;
  end_date: string;
  places: number;
  price_cents: number;
  pocket_money_cents: number;
  pocket_money_family_cap_cents: number;
  manager_user_id: number | null;
  /** in the list of a centre's contracts */
  manager_name?: string | null;
  created_at: string;
}

export interface PersonSummary {
  id: number;
  family_name: string;
  given_names: string;
  nationality: string;
  family_group_id?: number | null;
}

export interface Person extends PersonSummary {
  family_name_original: string | null;
  given_names_original: string | null;
  sex: string;
  birth_date: string | null;
  birth_date_estimated: boolean;
  languages: string[];
  cui: string | null;
  codice_fiscale: string | null;
  family_group_id: number | null;
  created_at: string;
}

export interface Placement {
  id: number;
  person_id: number;
  centre_id: number;
  category: Category;
  start_date: string;
  arrival_from: string;
  end_date: string | null;
  exit_reason: string | null;
  exit_note: string | null;
  override_reason: string | null;
}

/** A placement in a person's history, with the name of its centre. */
export interface PlacementStay extends Placement {
  centre_name: string;
}

export interface FamilyGroup {
  id: number;
  label: string;
  members: PersonSummary[];
}

export interface Guest extends Placement {
  person: PersonSummary;
}

export interface CentreOccupancy {
  centre_id: number;
  name: string;
  type: string;
  status: string;
  istat_code: string;
  places: Counts;
  guests: Counts;
  free: Counts;
  over_capacity: boolean;
  under_use: boolean;
  contract_places: number | null;
  free_in_category?: number;
}

export interface OccupancyOverview extends Page<CentreOccupancy> {
  date: string;
  totals: { centres: number; places: Counts; guests: Counts; over_capacity: number; under_use: number };
}

export interface OccupancySeries {
  centre_id: number;
  places: Counts;
  from: string;
  to: string;
  items: (Counts & { day: string; contract_places: number | null })[];
}

type Q = Record<string, string | number | undefined>;

export const reception = {
  listCentres: (query: Q) => request<Page<Centre>>('GET', '/centres', { query }),
  getCentre: (id: number) => request<Centre>('GET', `/centres/${id}`),
  createCentre: (body: CentreInput) => request<Centre>('POST', '/centres', { body }),
  updateCentre: (id: number, body: Partial<CentreInput>) => request<Centre>('PATCH', `/centres/${id}`, { body }),
  contracts: (id: number) => request<{ items: Contract[] }>('GET', `/centres/${id}/contracts`),
  addContract: (id: number, body: Record<string, unknown>) => request<Contract>('POST', `/centres/${id}/contracts`, { body }),
  guests: (id: number) => request<{ date: string; items: Guest[] }>('GET', `/centres/${id}/guests`),
  series: (id: number) => request<OccupancySeries>('GET', `/centres/${id}/occupancy`),
  occupancy: (query: Q) => request<OccupancyOverview>('GET', '/occupancy', { query }),
  /** The centres with the most free places (one page of the most the API gives: enough to choose from). */
  desk: (category: string) =>
    request<Page<CentreOccupancy> & { date: string; category: string }>('GET', '/placement-desk', {
      query: { category, per_page: 100 },
    }),
  place: (body: Record<string, unknown>) => request<{ items: Placement[] }>('POST', '/placements', { body }),
  transfer: (body: Record<string, unknown>) => request<{ items: Placement[] }>('POST', '/placements/transfers', { body }),
  exit: (body: Record<string, unknown>) => request<{ items: Placement[] }>('POST', '/placements/exits', { body }),
  listPersons: (query: Q) => request<Page<Person>>('GET', '/persons', { query }),
  getPerson: (id: number) => request<Person>('GET', `/persons/${id}`),
  createPerson: (body: Record<string, unknown>) => request<Person>('POST', '/persons', { body }),
  updatePerson: (id: number, body: Record<string, unknown>) => request<Person>('PATCH', `/persons/${id}`, { body }),
  personPlacements: (id: number) => request<{ items: PlacementStay[] }>('GET', `/persons/${id}/placements`),
  familyGroup: (id: number) => request<FamilyGroup>('GET', `/family-groups/${id}`),
};

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A country's name in the language shown; XX stateless, ZZ unknown are handled by the caller. */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language's name (from its ISO 639 code) in the language shown. */
export function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A nationality in the language shown: a country, stateless (XX) or unknown (ZZ). */
export function nationality(code: string, lang: string, t: TFunction): string {
  if (code === 'XX') return t('persons.stateless');
  if (code === 'ZZ') return t('persons.unknownCountry');
  return countryName(code, lang);
}

export function formatEuro(cents: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Euro typed by a person ("35,50", "35.5", "1.234,50") to cents; null when not a amount. */
export function euroToCents(text: string): number | null {
  let s = text.trim().replace(/\s|€/g, '');
  if (!s) return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}

export function personName(p: PersonSummary): string {
  return `${p.family_name} ${p.given_names}`;
}

/** A calendar day (YYYY-MM-DD) in the language shown, without time-zone shifts. */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) return '';
  const d = new Date(`${day}T12:00:00`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(d);
}

/** ISO 3166-1 alpha-2 codes the server accepts (besides XX stateless and ZZ unknown). */
export const COUNTRY_CODES = 'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW'.match(/../g) as string[];
