import { listAll } from '../../lib/api';
import type { User } from '../../lib/identity';
import { useData } from '../../lib/useData';
import { accountsApi } from '../accounts/index';

/**
 * Who may manage a contract for the Prefettura: active prefecture officers of a prefecture
 * organisation (the server refuses anyone else), by name.
 */
export function useContractManagers(): User[] {
  const { data } = useData(async () => {
    const all = await listAll((page, per_page) => accountsApi.listUsers({ role: 'prefecture_officer', page, per_page }));
    return all.filter((u) => u.active && u.organization.type === 'prefecture').sort((a, b) => a.display_name.localeCompare(b.display_name));
  }, []);
  return data ?? [];
}
