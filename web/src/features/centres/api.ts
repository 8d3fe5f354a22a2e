// Client for the centres API: centres, their contracts and their occupancy over time.
// Types are the server's (lib/api-schema.d.ts, generated); the vocabularies are checked against them.
import { type Query, type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';

export const CENTRE_TYPES = ['hotspot', 'cpa', 'cas', 'sai', 'accoglienza_diffusa'] as const;

export type CentreTypesAreTheServers = Check<Same<(typeof CENTRE_TYPES)[number], Centre['type']>>;

export const CENTRE_STATUSES = ['active', 'suspended', 'closed', 'special_administration'] as const;

/** The kinds of structure (the server's centre_structures()): a temporary one takes only minors, at most 50, none under 14. */
export const CENTRE_STRUCTURES = ['ordinary', 'temporary_minors'] as const;
export type CentreStructuresAreTheServers = Check<Same<(typeof CENTRE_STRUCTURES)[number], Centre['structure']>>;

export type CentreStatusesAreTheServers = Check<Same<(typeof CENTRE_STATUSES)[number], Centre['status']>>;

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

export type CentreService = NonNullable<CentreInput['services']>[number];

export type CentreServicesAreTheServers = Check<Same<(typeof CENTRE_SERVICES)[number], CentreService>>;

export const CATEGORIES = ['single_men', 'single_women', 'families', 'minors'] as const;

export type Category = Schema<'Placement'>['category'];

export type CategoriesAreTheServers = Check<Same<(typeof CATEGORIES)[number], Category>>;

/** Places, guests or free places in each category, and their total. */
export type Counts = Schema<'PlacesByCategory'>;

export type Centre = Schema<'Centre'>;

/** One centre, with the name of its operator. */
export type CentreDetail = Schema<'CentreDetail'>;

export type CentreInput = RequestBody<'createCentre'>;

/** A contract as a centre's list shows it, with the name of its manager. */
export type Contract = Schema<'ManagedContract'>;

/** A tender lot (its CIG identifies it). */
export type TenderLot = Schema<'TenderLot'>;

/** A lot in the list, with the centres it covers and how many contracts. */
export type LotSummary = Schema<'TenderLotSummary'>;

export type OccupancySeries = Schema<'OccupancySeries'>;

/** Places above contract granted by a decision of the Prefettura for a period. */
export type Derogation = Schema<'Derogation'>;

export const centresApi = {
  listCentres: (query: Query) => request<Schema<'CentreList'>>('GET', '/centres', { query }),
  getCentre: (id: number) => request<CentreDetail>('GET', `/centres/${id}`),
  createCentre: (body: CentreInput) => request<Centre>('POST', '/centres', { body }),
  updateCentre: (id: number, body: RequestBody<'updateCentre'>) => request<Centre>('PATCH', `/centres/${id}`, { body }),
  lots: () => request<Schema<'TenderLotList'>>('GET', '/lots'),
  lot: (id: number) => request<Schema<'TenderLotDetail'>>('GET', `/lots/${id}`),
  addLot: (body: RequestBody<'createLot'>) => request<TenderLot>('POST', '/lots', { body }),
  updateLot: (id: number, body: RequestBody<'updateLot'>) => request<TenderLot>('PATCH', `/lots/${id}`, { body }),
  contracts: (id: number) => request<Schema<'ContractList'>>('GET', `/centres/${id}/contracts`),
  addContract: (id: number, body: RequestBody<'createCentreContract'>) =>
    request<Schema<'Contract'>>('POST', `/centres/${id}/contracts`, { body }),
  derogations: (id: number) => request<Schema<'DerogationList'>>('GET', `/centres/${id}/derogations`),
  addDerogation: (id: number, body: RequestBody<'createCentreDerogation'>) =>
    request<Derogation>('POST', `/centres/${id}/derogations`, { body }),
  withdrawDerogation: (derogationId: number, reason: string) =>
    request<Derogation>('POST', `/derogations/${derogationId}/withdrawal`, { body: { reason } satisfies RequestBody<'derogationWithdrawal'> }),
  series: (id: number) => request<OccupancySeries>('GET', `/centres/${id}/occupancy`),
  municipalities: () => request<Schema<'MunicipalityList'>>('GET', '/municipalities'),
};
