import { ApiError } from './api';
import { hasKey, type TFunction } from './i18n';

/** A translated message for an API (or any) error: by code, else the server's message. */
export function describeError(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.code === 'too_many_attempts') {
      return err.retryAfter !== null
        ? t('errors.too_many_attempts_retry', { seconds: err.retryAfter })
        : t('errors.too_many_attempts');
    }
    const key = `errors.${err.code}`;
    if (hasKey(key)) return t(key);
    if (err.message) return err.message;
  }
  return t('errors.unknown');
}

// The server explains a rejected field with a short English reason. The known ones are mapped to
// translation keys (with their numbers); unknown reasons are shown as sent.
const REASONS: [RegExp, (m: RegExpMatchArray, field: string) => [string, Record<string, unknown>?]][] = [
  [/^required$/, () => ['fieldErrors.required']],
  [/^at least (\d+) characters$/, (m) => ['fieldErrors.min_length', { n: Number(m[1]) }]],
  [/^at most (\d+) characters$/, (m) => ['fieldErrors.max_length', { n: Number(m[1]) }]],
  [/^must be (\d+) digits$/, (m) => ['fieldErrors.digits', { n: Number(m[1]) }]],
  [/^must be an e-?mail address$|^not an e-?mail address$/, () => ['fieldErrors.invalid_email']],
  [/^must be one of/, () => ['fieldErrors.invalid_choice']],
  [/^(already used|already exists|taken|unique)$/, () => ['fieldErrors.taken']],
  [/^no such organi[sz]ation$/, () => ['fieldErrors.no_such_organization']],
  [/^no such user$/, () => ['fieldErrors.not_found']],
  [/^a centre needs at least one place/, () => ['fieldErrors.no_places']],
  [/^not a prefecture officer of a prefecture$/, () => ['contracts.managerNotEligible']],
  [/^incorrect$/, (_m, field) => [field === 'current_password' ? 'fieldErrors.wrong_password' : 'fieldErrors.incorrect']],
  [/cannot deactivate yourself|give up your own admin role/, () => ['fieldErrors.self_lockout']],
  [/^not placed at this centre in (\d{4}-\d{2})$/, (m) => ['fieldErrors.not_placed_month', { month: m[1] }]],
  [/^no contract of this centre covers (\d{4}-\d{2})$/, (m) => ['fieldErrors.no_contract_month', { month: m[1] }]],
  [/^must not contain control characters$/, () => ['fieldErrors.control_characters']],
  [/^must not contain bidirectional override characters$/, () => ['fieldErrors.bidi_characters']],
  [/^must be a date \(YYYY-MM-DD\) from (\S+) to (\S+)$/, (m) => ['fieldErrors.date_range', { from: m[1], to: m[2] }]],
  [/^must be (a|an) |^must not be null$|^unknown (field|parameter)$/, () => ['fieldErrors.invalid']],
];

/** A translated field error reason, else the reason as sent. */
export function describeFieldError(reason: string, t: TFunction, field = ''): string {
  const key = `fieldErrors.${reason}`;
  if (/^[a-z_]+$/.test(reason) && hasKey(key)) {
    if (reason === 'incorrect' && field === 'current_password') return t('fieldErrors.wrong_password');
    return t(key);
  }
  for (const [re, toKey] of REASONS) {
    const m = reason.match(re);
    if (m) {
      const [k, vars] = toKey(m, field);
      return t(k, vars);
    }
  }
  return reason;
}

/**
 * Rule errors (e.g. centre_full) whose explanation a page gives itself in the error summary: the
 * server's English field reasons are dropped, except those `keep` gives back as translatable
 * reasons (e.g. future_date on the date field).
 */
export async function plainRuleErrors<T>(p: Promise<T>, codes: Set<string>, keep: Record<string, Record<string, string>> = {}): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && codes.has(e.code)) throw new ApiError(e.status, e.code, e.message, keep[e.code] ?? {}, e.retryAfter);
    throw e;
  }
}
