// Client for the centres API: centres, their contracts and their occupancy over time.
import { type Page, type Query, request } from '../../lib/api';

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

export interface OccupancySeries {
  centre_id: number;
  places: Counts;
  from: string;
  to: string;
  items: (Counts & { day: string; contract_places: number | null })[];
}

export const centresApi = {
  listCentres: (query: Query) => request<Page<Centre>>('GET', '/centres', { query }),
  getCentre: (id: number) => request<Centre>('GET', `/centres/${id}`),
  createCentre: (body: CentreInput) => request<Centre>('POST', '/centres', { body }),
  updateCentre: (id: number, body: Partial<CentreInput>) => request<Centre>('PATCH', `/centres/${id}`, { body }),
  contracts: (id: number) => request<{ items: Contract[] }>('GET', `/centres/${id}/contracts`),
  addContract: (id: number, body: Record<string, unknown>) => request<Contract>('POST', `/centres/${id}/contracts`, { body }),
  series: (id: number) => request<OccupancySeries>('GET', `/centres/${id}/occupancy`),
};
