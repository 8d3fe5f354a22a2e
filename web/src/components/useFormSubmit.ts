import { useState } from 'preact/hooks';
import { type FieldErrors, useFormErrors } from './useFormErrors';

/**
 * Submission of a form: `start` (e.g. hiding an earlier notice), client-side checks (`validate` returns the field errors), then
 * `action` while `busy`; an error it throws is shown in the form's error summary.
 */
export function useFormSubmit({
  start,
  validate = () => ({}),
  action,
  onError,
}: {
  start?: () => void;
  validate?: () => FieldErrors;
  action: () => Promise<void>;
  onError?: (err: unknown) => void;
}) {
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    start?.();
    const fields = validate();
    if (Object.keys(fields).length) {
      errors.fail('form.fixErrors', fields);
      return;
    }
    setBusy(true);
    try {
      await action();
    } catch (err) {
      onError?.(err);
      errors.failFromApi(err);
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, submit };
}
