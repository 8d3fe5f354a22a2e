// The people who may be on an inspection's team, by id: inspectors and prefecture officers for a
// caller who may read users; else only the caller (an inspector plans visits of their own).
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { TEAM_ROLES, monitoringApi } from './api';

export interface Person {
  id: number;
  name: string;
}

export function useTeamCandidates(): Person[] | null {
  const { user, can } = useSession();
  const readsUsers = can('users.read');
  const { data } = useData(
    async () => (readsUsers ? (await Promise.all(TEAM_ROLES.map((r) => monitoringApi.teamCandidates(r)))).flatMap((l) => l.items) : []),
    [readsUsers],
  );
  if (!readsUsers) return [{ id: user.id, name: user.display_name }];
  if (!data) return null;
  return data.filter((u) => u.active).map((u) => ({ id: u.id, name: u.display_name }));
}
