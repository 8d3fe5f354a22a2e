import { useEffect, useState } from 'preact/hooks';
import { DataTable, FilterBar, ListHeader, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { setFlash, useFlash } from '../../components/flash';
import { Notice, SelectField, TextField } from '../../components/forms';
import { PER_PAGE, useList } from '../../components/useList';
import { useT } from '../../lib/i18n';
import { Link, navigate, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { CentreForm, statusOptions, typeOptions } from './CentreForm';
import { type CentreInput, centresApi } from './api';
import { StatusBadge } from './centreParts';
import { Municipality, useMunicipalities } from './municipalities';

export function Centres() {
  const loc = useLocation();
  const { can } = useSession();
  const manage = can('centres.manage');
  if (manage && loc.query.get('new')) return <NewCentre />;
  return <CentreList manage={manage} />;
}

function CentreList({ manage }: { manage: boolean }) {
  const { t } = useT();
  const title = t('centres.title');
  usePageTitle(title);
  const message = useFlash();
  const filters = useFilters(['q', 'type', 'status', 'istat_code'] as const);
  const { q, type, status, istat_code } = filters.values;
  const { inputs, setter } = filters;
  const municipalities = useMunicipalities();
  // The municipality is chosen by name (the ISTAT code is what the API filters on).
  const [town, setTown] = useState('');
  const [townError, setTownError] = useState<string | undefined>();
  useEffect(() => setTown(municipalities[istat_code] ?? istat_code), [istat_code, municipalities]);
  const townCode = (text: string): string | null => {
    const typed = text.trim();
    if (!typed) return '';
    if (/^\d{6}$/.test(typed)) return typed;
    const wanted = typed.toLocaleLowerCase();
    const found = Object.entries(municipalities).find(([, name]) => name.toLocaleLowerCase() === wanted);
    return found ? found[0] : null;
  };
  const list = useList(
    () => centresApi.listCentres({ q, type, status, istat_code, page: filters.page, per_page: PER_PAGE }),
    filters.key,
  );

  return (
    <div>
      <ListHeader title={title} newHref={manage ? '/centres?new=1' : undefined} newLabel={t('centres.new')} newTestId="centre-new" />
      {message ? <Notice kind="success">{message}</Notice> : null}
      <FilterBar
        label={t('centres.filters')}
        onApply={() => {
          const code = townCode(town);
          setTownError(code === null ? t('centres.municipalityUnknown') : undefined);
          if (code !== null) setQuery({ q: inputs.q.trim(), type: inputs.type, status: inputs.status, istat_code: code, page: null });
        }}
        resetHref="/centres"
        active={filters.active}
        buttonsClass="col-12 col-md-6 col-lg-4"
      >
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="centre-q" label={t('centres.search')} type="search" value={inputs.q} onValue={setter('q')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField id="centre-type" label={t('centres.type')} value={inputs.type} onValue={setter('type')} empty={t('common.all')} options={typeOptions(t)} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="centre-status"
            label={t('centres.status')}
            value={inputs.status}
            onValue={setter('status')}
            empty={t('common.all')}
            options={statusOptions(t)}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField
            id="centre-istat"
            label={t('centres.municipality')}
            hint={t('centres.municipalityHint')}
            list="municipality-names"
            autoComplete="off"
            value={town}
            onValue={setTown}
            error={townError}
          />
          <datalist id="municipality-names">
            {Object.entries(municipalities)
              .sort(([, a], [, b]) => a.localeCompare(b, 'it'))
              .map(([code, name]) => (
                <option key={code} value={name} />
              ))}
          </datalist>
        </div>
      </FilterBar>
      <DataTable
        list={list}
        label={title}
        testId="centre-table"
        head={
          <>
            <th scope="col">{t('centres.name')}</th>
            <th scope="col">{t('centres.type')}</th>
            <th scope="col">{t('centres.municipality')}</th>
            <th scope="col" class="text-end">
              {t('centres.placesTotal')}
            </th>
            <th scope="col">{t('centres.status')}</th>
          </>
        }
        row={(c) => (
          <tr key={c.id}>
            <td>
              <Link href={`/centres/${c.id}`} data-centre={c.id}>
                <bdi>{c.name}</bdi>
              </Link>
            </td>
            <td>{t(`centreTypes.${c.type}`, { defaultValue: c.type })}</td>
            <td>
              <Municipality code={c.istat_code} names={municipalities} />
            </td>
            <td class="text-end">{c.places.total}</td>
            <td>
              <StatusBadge status={c.status} />
            </td>
          </tr>
        )}
      />
    </div>
  );
}

function NewCentre() {
  const { t } = useT();
  return (
    <CentreForm
      title={t('centres.new')}
      backHref="/centres"
      backLabel={t('centres.backToList')}
      save={async (body) => {
        const created = await centresApi.createCentre(body as CentreInput);
        setFlash(t('centres.saved', { name: created.name }));
        navigate(`/centres/${created.id}`);
      }}
    />
  );
}
