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
]);

export const placementRuleErrors = <T,>(p: Promise<T>) => plainRuleErrors(p, RULE_CODES, { future_date: ['date'] });

/** Whether an answer asks for an override reason (the centre is full or not taking guests). */
export const needsOverride = (e: unknown) => e instanceof ApiError && (e.code === 'centre_full' || e.code === 'centre_not_accepting');
