// The account's e-mail address, as sign-in and the password reset request both ask for it: typed
// left to right in every language, and offered by the browser's password manager as the username.
import { TextField } from '../../components/forms';

export function AccountEmailField(p: { label: string; value: string; onValue: (v: string) => void; error?: string }) {
  return (
    <TextField
      id="email"
      label={p.label}
      type="email"
      autoComplete="username"
      inputMode="email"
      dir="ltr"
      required
      value={p.value}
      onValue={p.onValue}
      error={p.error}
    />
  );
}
