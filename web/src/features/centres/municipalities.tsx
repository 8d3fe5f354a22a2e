// Municipalities by name: the web knows those in the organisations directory (the API has no list
// of the 82 municipalities of the province yet).
import { listAll } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { accountsApi } from '../accounts/index';

const NO_NAMES: Record<string, string> = {};

/** Municipality names by ISTAT code, from the municipalities in the organisations directory (the API has no list of the 82). */
export function useMunicipalities(): Record<string, string> {
  const { can } = useSession();
  const { data } = useData(async () => {
    if (!can('organizations.read')) return {};
    const all = await listAll((page, per_page) => accountsApi.listOrganizations({ type: 'municipality', page, per_page }));
    // The town's name, not its administration's: "Comune di Bagheria" -> "Bagheria".
    return Object.fromEntries(all.filter((o) => o.istat_code).map((o) => [o.istat_code as string, o.name.replace(/^Comune di\s+/i, '')]));
  }, []);
  return data ?? NO_NAMES;
}

/**
 * A municipality: its name; its ISTAT code only while the name is unknown (the web knows the names
 * of the municipalities in the organisations directory: the API has no list of the 82 yet).
 */
export function Municipality({ code, names }: { code: string; names: Record<string, string> }) {
  return <bdi>{names[code] ?? code}</bdi>;
}

/** The choices of a municipality field: <option value=code>name</option>, for a field that takes the code. */
export function MunicipalityCodes({ id, names }: { id: string; names: Record<string, string> }) {
  return (
    <datalist id={id}>
      {Object.entries(names)
        .sort(([, a], [, b]) => a.localeCompare(b, 'it'))
        .map(([code, name]) => (
          <option key={code} value={code} label={name} />
        ))}
    </datalist>
  );
}
