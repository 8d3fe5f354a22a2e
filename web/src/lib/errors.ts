import { ApiError, type FieldError } from './api';
import { formatDay } from './dates';
import { currentLang, hasKey, type TFunction } from './i18n';

/** A translated message for an API (or any) error: by code, else the server's message. */
export function describeError(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.code === 'too_many_attempts') {
      return err.retryAfter !== null
        ? t('errors.too_many_attempts_retry', { count: err.retryAfter })
        : t('errors.too_many_attempts');
    }
    const key = `errors.${err.code}`;
    if (hasKey(key)) return t(key);
    if (err.message) return err.message;
  }
  return t('errors.unknown');
}

// The parameter a code's translation counts with, which picks its plural form.
const COUNTED: Record<string, string> = { too_short: 'min', too_long: 'max', exact_length: 'length' };

/**
 * A field error in the reader's language: the translation `fieldErrors.<code>` with the error's
 * parameters, else the server's English reason (a code the web app does not translate yet).
 */
export function describeFieldError(error: FieldError, t: TFunction): string {
  const key = `fieldErrors.${error.code}`;
  const vars: Record<string, unknown> = { ...error.params };
  const counted = COUNTED[error.code];
  if (counted) vars.count = Number(error.params[counted]);
  if (Array.isArray(error.params.allowed)) vars.allowed = error.params.allowed.join(', ');
  if (hasKey(key) || (counted && hasKey(`${key}_other`))) return t(key, vars);
  return error.message;
}

/**
 * Rule errors (e.g. centre_full) whose explanation a page gives itself in the error summary: the
 * server's field reasons are dropped, except on the fields `keep` names for a code (e.g. the date
 * field of future_date).
 */
export async function plainRuleErrors<T>(p: Promise<T>, codes: Set<string>, keep: Record<string, string[]> = {}): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && codes.has(e.code)) {
      const kept = Object.fromEntries(Object.entries(e.fields).filter(([field]) => keep[e.code]?.includes(field)));
      throw new ApiError(e.status, e.code, e.message, kept, e.retryAfter);
    }
    throw e;
  }
}

/** The last day the server takes (core/civil_day.h kLatestDay): a range up to it has no end. */
const LATEST_DAY = '2099-12-31';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days a refusal names as YYYY-MM-DD (the day a verification opens, the first day a new setting
 * may take) rewritten as the reader's dates; a range running to the server's last day says only
 * where it starts (fieldErrors.date_from), not "until 31 Dec 2099".
 */
export async function withReadableDates<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const lang = currentLang();
    const fields = Object.fromEntries(
      Object.entries(e.fields).map(([k, f]) => {
        const openEnded = f.code === 'date_out_of_range' && f.params.to === LATEST_DAY;
        const params = Object.fromEntries(Object.entries(f.params).map(([n, v]) => [n, typeof v === 'string' && ISO_DAY.test(v) ? formatDay(v, lang) : v]));
        return [k, { ...f, code: openEnded ? 'date_from' : f.code, params }];
      }),
    );
    throw new ApiError(e.status, e.code, e.message, fields, e.retryAfter);
  }
}
