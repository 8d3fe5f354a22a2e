// Who is signed in, remembered in this tab (sessionStorage) so that a page reloaded without a
// network (the service worker serves the app; the session probe GET /auth/me cannot answer) opens
// for the same user instead of an error: an inspector reloading the inspection page in a basement.
// Only the user as /auth/me last described them, never a credential: the session cookie stays the
// server's, and the first request that reaches the server checks it (401 signs out). Forgotten at
// sign-out and when the tab closes.
import type { SignedInUser } from './identity';

const KEY = 'innet.session.user';

export function rememberUser(user: SignedInUser): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(user));
  } catch {
    /* storage refused: only an offline reload is lost */
  }
}

export function forgetUser(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    /* nothing to forget */
  }
}

export function rememberedUser(): SignedInUser | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as SignedInUser) : null;
  } catch {
    return null;
  }
}
