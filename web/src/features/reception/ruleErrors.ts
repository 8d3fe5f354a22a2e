// Placement answers that the forms explain themselves.
import { ApiError } from '../../lib/api';
import { plainRuleErrors } from '../../lib/errors';

/** Rule errors whose explanation the placement forms give themselves: their English field reasons are dropped. */
const RULE_CODES = new Set([
  'centre_full',
  'centre_not_accepting',
  'placement_overlap',
  'not_placed',
  'before_arrival',
  'same_centre',
  'no_such_person',
  'no_such_centre',
  'future_date',
  'minor_needs_minors_place',
  'minor_under_16_in_adult_centre',
  'minor_section_limit',
  'minor_under_14_in_temporary_structure',
  'temporary_structure_cap',
  'temporary_structure_urgency_cap',
]);

export const placementRuleErrors = <T,>(p: Promise<T>) => plainRuleErrors(p, RULE_CODES, { future_date: ['date'] });

/**
 * Whether an answer asks for an override reason: the centre is full or not taking guests, an
 * unaccompanied minor is under 16 or past the day limit of an adult centre's section, someone is
 * under 14 in a temporary structure for minors, or that structure has its 50 guests (extreme
 * urgency). A minor in an adult place, or a temporary structure's 75th guest and beyond, is never
 * overridden.
 */
const OVERRIDABLE = new Set([
  'centre_full',
  'centre_not_accepting',
  'minor_under_16_in_adult_centre',
  'minor_section_limit',
  'minor_under_14_in_temporary_structure',
  'temporary_structure_cap',
]);
export const needsOverride = (e: unknown) => e instanceof ApiError && OVERRIDABLE.has(e.code);
