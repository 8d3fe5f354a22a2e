import { useT } from '../lib/i18n';
import { TextField } from './forms';
import type { FieldErrors } from './useFormErrors';

export const MIN_PASSWORD = 10;

interface PasswordProps {
  id: string;
  label: string;
  value: string;
  onValue: (v: string) => void;
  error?: string;
  hint?: string;
  /** An existing password being typed (sign-in, confirmation) rather than a new one. */
  current?: boolean;
}

export function PasswordField({ current, ...p }: PasswordProps) {
  return <TextField {...p} type="password" autoComplete={current ? 'current-password' : 'new-password'} required />;
}

/** Client-side checks of a new password (field `id`) and its confirmation. */
export function newPasswordErrors(id: string, password: string, confirm: string): FieldErrors {
  const f: FieldErrors = {};
  if (!password) f[id] = ['fieldErrors.required'];
  else if (password.length < MIN_PASSWORD) f[id] = ['fieldErrors.password_too_short', { count: MIN_PASSWORD }];
  if (password && confirm !== password) f.confirm_password = ['fieldErrors.mismatch'];
  return f;
}

/** A new password with its hint, and its confirmation (field `confirm_password`). */
export function PasswordFields({
  id,
  label,
  password,
  confirm,
  onPassword,
  onConfirm,
  errors,
}: {
  id: string;
  label: string;
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  errors: Record<string, string>;
}) {
  const { t } = useT();
  return (
    <>
      <PasswordField id={id} label={label} hint={t('account.passwordHint', { count: MIN_PASSWORD })} value={password} onValue={onPassword} error={errors[id]} />
      <PasswordField id="confirm_password" label={t('account.confirmPassword')} value={confirm} onValue={onConfirm} error={errors.confirm_password} />
    </>
  );
}
