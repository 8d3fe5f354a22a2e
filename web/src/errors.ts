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

/** A translated field error reason (`required`, `too_short`, ...), else the reason as sent. */
export function describeFieldError(reason: string, t: TFunction): string {
  const key = `fieldErrors.${reason}`;
  return hasKey(key) ? t(key) : reason;
}
