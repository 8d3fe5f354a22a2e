// Municipalities by name: the province's 82, from GET /api/v1/municipalities.
import { useData } from '../../lib/useData';
import { centresApi } from './api';

const NO_NAMES: Record<string, string> = {};

/** Municipality names by ISTAT code. */
export function useMunicipalities(): Record<string, string> {
  const { data } = useData(async () => {
    const { items } = await centresApi.municipalities();
    return Object.fromEntries(items.map((m) => [m.istat_code, m.name]));
  }, []);
  return data ?? NO_NAMES;
}

/** A municipality: its name; its ISTAT code until the names have arrived (or for a code outside the province). */
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
