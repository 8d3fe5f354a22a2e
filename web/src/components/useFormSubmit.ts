import { useState } from 'preact/hooks';
import { type FieldErrors, useFormErrors } from './useFormErrors';

/**
 * Submission of a form: `start` (e.g. hiding an earlier notice), client-side checks (`validate` returns the field errors),
 * `confirm` for an irreversible act (resolves to false when the user cancels: nothing is sent), then
 * `action` while `busy`; an error it throws is shown in the form's error summary.
 */
export function useFormSubmit({
  start,
  validate = () => ({}),
  confirm,
  action,
  onError,
}: {
  start?: () => void;
  validate?: () => FieldErrors;
  confirm?: () => Promise<boolean>;
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
    if (confirm) {
      // Errors of an earlier try are not what the dialog is about.
      errors.clear();
      if (!(await confirm())) return;
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
