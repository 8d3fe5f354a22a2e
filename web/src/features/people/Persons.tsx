import { DataTable, FilterBar, ListHeader, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { useFlash } from '../../components/flash';
import { Notice, SelectField, TextField } from '../../components/forms';
import { PER_PAGE, useList } from '../../components/useList';
import { nationality } from '../../lib/countries';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { PersonForm, useCountryOptions } from './PersonForm';
import { OriginalName } from './PersonPage';
import { peopleApi } from './api';

export function Persons() {
  const loc = useLocation();
  const { can } = useSession();
  const manage = can('persons.manage');
  if (manage && loc.query.get('new')) return <PersonForm />;
  return <PersonList manage={manage} />;
}

function PersonList({ manage }: { manage: boolean }) {
  const { t, lang } = useT();
  const title = t('persons.title');
  usePageTitle(title);
  const message = useFlash();
  const filters = useFilters(['q', 'nationality'] as const);
  const { q } = filters.values;
  const { inputs, setter } = filters;
  const countries = useCountryOptions(t, lang);
  const list = useList(
    () => peopleApi.listPersons({ q, nationality: filters.values.nationality, page: filters.page, per_page: PER_PAGE }),
    filters.key,
  );
  return (
    <div>
      <ListHeader title={title} newHref={manage ? '/persons?new=1' : undefined} newLabel={t('persons.new')} newTestId="person-new" />
      {message ? <Notice kind="success">{message}</Notice> : null}
      <FilterBar
        label={t('persons.filters')}
        onApply={() => setQuery({ q: inputs.q.trim(), nationality: inputs.nationality, page: null })}
        resetHref="/persons"
        active={filters.active}
        buttonsClass="col-12 col-md-4"
      >
        <div class="col-12 col-md-4">
          <TextField id="person-q" label={t('persons.search')} hint={t('persons.searchHint')} type="search" value={inputs.q} onValue={setter('q')} />
        </div>
        <div class="col-12 col-md-4">
          <SelectField
            id="person-nationality"
            label={t('persons.nationality')}
            value={inputs.nationality}
            onValue={setter('nationality')}
            empty={t('common.all')}
            options={countries}
          />
        </div>
      </FilterBar>
      <DataTable
        list={list}
        label={title}
        testId="person-table"
        head={
          <>
            <th scope="col">{t('persons.name')}</th>
            <th scope="col">{t('persons.nationality')}</th>
            <th scope="col">{t('persons.sex')}</th>
            <th scope="col">{t('persons.birthDate')}</th>
            <th scope="col">{t('persons.cui')}</th>
            <th scope="col">{t('persons.currentCentre')}</th>
          </>
        }
        row={(p) => (
          <tr key={p.id}>
            <td>
              <Link href={`/persons/${p.id}`}>
                <bdi>
                  {p.family_name} {p.given_names}
                </bdi>
              </Link>
              {p.family_name_original || p.given_names_original ? (
                <div class="small">
                  <OriginalName person={p} />
                </div>
              ) : null}
            </td>
            <td>{nationality(p.nationality, lang, t)}</td>
            <td>{t(`sexes.${p.sex}`, { defaultValue: p.sex })}</td>
            <td>
              {p.birth_date ? formatDay(p.birth_date, lang) : '—'}
              {p.birth_date && p.birth_date_estimated ? ` (${t('persons.estimated')})` : ''}
            </td>
            <td>{p.cui ? <bdi dir="ltr">{p.cui}</bdi> : '—'}</td>
            <td>
              {p.current_centre ? (
                <Link href={`/centres/${p.current_centre.id}`}>
                  <bdi>{p.current_centre.name}</bdi>
                </Link>
              ) : (
                '—'
              )}
            </td>
          </tr>
        )}
      />
    </div>
  );
}
