import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SignedInUser } from './identity';

export interface SessionValue {
  user: SignedInUser;
  can: (permission: string) => boolean;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a session');
  return s;
}

export function makeCan(user: SignedInUser): (permission: string) => boolean {
  const set = new Set(user.permissions);
  return (p) => set.has(p);
}
