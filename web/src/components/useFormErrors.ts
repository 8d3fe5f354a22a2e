import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { describeError, describeFieldError } from '../lib/errors';
import { type TFunction, useT } from '../lib/i18n';

/** A message kept as what to say, not as text, so it follows language changes. */
type Msg = (t: TFunction) => string;

/** Client-side field errors: field id -> [translation key, variables]. */
export type FieldErrors = Record<string, [string, Record<string, unknown>?]>;

/**
 * Form-level and field-level errors. The summary takes the focus each time errors are set; the
 * texts are translated at render time, so switching language re-translates them.
 */
export function useFormErrors() {
  const { t } = useT();
  const [message, setMessage] = useState<Msg | null>(null);
  const [fields, setFields] = useState<Record<string, Msg>>({});
  const [tick, setTick] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (tick > 0 && summaryRef.current) summaryRef.current.focus();
  }, [tick]);

  const fieldTexts: Record<string, string> = {};
  for (const [k, m] of Object.entries(fields)) fieldTexts[k] = m(t);

  return {
    message: message ? message(t) : null,
    fields: fieldTexts,
    summaryRef,
        fail(messageKey: string, fieldErrors: FieldErrors = {}) {
      setMessage(() => (tt: TFunction) => tt(messageKey));
      const f: Record<string, Msg> = {};
      for (const [k, [key, vars]] of Object.entries(fieldErrors)) f[k] = (tt) => tt(key, vars);
      setFields(f);
      setTick((n) => n + 1);
    },
    failFromApi(err: unknown) {
      const f: Record<string, Msg> = {};
      if (err instanceof ApiError) {
        for (const [k, reason] of Object.entries(err.fields)) f[k] = (tt) => describeFieldError(reason, tt);
      }
      setMessage(() => (tt: TFunction) => describeError(err, tt));
      setFields(f);
      setTick((n) => n + 1);
    },
    clear() {
      setMessage(null);
      setFields({});
    },
  };
}
