// The staff's list of the directory's services (decision 0038): search, sort, paging and the
// office CSV from the server (every matching row, in the page's language), listings not verified
// for verify_months flagged. A provider sees the listings its organisation keeps.
import { FilterBar, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { Pagination, ResultsSummary } from '../../components/Pagination';
import { TableRegion } from '../../components/TableRegion';
import { CheckboxField, LoadState, SelectField, TextField } from '../../components/forms';
import { PER_PAGE } from '../../components/useList';
import { formatDateTime, formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, setQuery } from '../../lib/router';
import { useData } from '../../lib/useData';
import { SORT_KEYS, directoryApi } from './api';

const SORTS = SORT_KEYS;
type Sort = (typeof SORTS)[number];

export function Services() {
  const { t, lang } = useT();
  usePageTitle(t('directory.services.title'));
  const f = useFilters(['q', 'sort', 'unverified'] as const);
  const query = { q: f.values.q, sort: f.values.sort || 'name', unverified: f.values.unverified === 'true' ? true : undefined, page: f.page, per_page: PER_PAGE };
  // useData rather than useList: the answer also says after how many months a listing is due.
  const list = useData(() => directoryApi.listings(query), [f.key], { keepPrevious: true });
  return (
    <>
      <h1 id="main-heading" tabIndex={-1}>
        {t('directory.services.title')}
      </h1>
      <p class="lead">{t('directory.services.intro', { count: list.data?.verify_months ?? 6 })}</p>
      <FilterBar
        label={t('directory.services.filters')}
        onApply={() => setQuery({ q: f.inputs.q || null, sort: f.inputs.sort || null, unverified: f.inputs.unverified || null, page: null })}
        resetHref="/directory/services"
        active={f.active}
        buttonsClass="col-12 col-lg-3"
      >
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="directory-q" label={t('directory.services.search')} type="search" value={f.inputs.q} onValue={f.setter('q')} />
        </div>
        <div class="col-12 col-md-6 col-lg-3">
          <SelectField<Sort>
            id="directory-sort"
            label={t('directory.services.sort')}
            value={(f.inputs.sort || 'name') as Sort}
            onValue={(v) => f.setter('sort')(v)}
            options={SORTS.map((s) => ({ value: s, label: t(`directory.services.sorts.${s}`) }))}
          />
        </div>
        <div class="col-12 col-lg-2 mb-4">
          <CheckboxField id="directory-unverified" label={t('directory.services.unverifiedOnly')} checked={f.inputs.unverified === 'true'} onValue={(v) => f.setter('unverified')(v ? 'true' : '')} />
        </div>
      </FilterBar>
      <LoadState error={list.error} ready={list.data !== null}>
        {() => {
          const data = list.data!;
          return (
            <>
              <div class="d-flex flex-wrap justify-content-between align-items-center gap-2">
                <ResultsSummary page={f.page} perPage={PER_PAGE} total={data.total} />
                <a class="btn btn-outline-primary btn-sm" href={directoryApi.csvUrl({ q: query.q, sort: query.sort, unverified: query.unverified, lang })} data-testid="directory-csv" download>
                  {t('directory.services.csv')}
                </a>
              </div>
              <TableRegion label={t('directory.services.caption')} captionHidden testId="directory-services">
                <thead>
                  <tr>
                    <th scope="col">{t('directory.columns.name')}</th>
                    <th scope="col">{t('directory.columns.organization')}</th>
                    <th scope="col">{t('directory.columns.lastVerified')}</th>
                    <th scope="col">{t('directory.columns.lastModified')}</th>
                    <th scope="col">{t('directory.columns.pending')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((l) => (
                    <tr key={l.id} data-testid="directory-row">
                      <th scope="row">
                        <Link href={`/directory/services/${l.id}`}>{l.name}</Link>
                        {l.status !== 'active' ? <span class="badge bg-secondary ms-2">{t(`directory.status.${l.status}`)}</span> : null}
                      </th>
                      <td>{l.organization?.name ?? '—'}</td>
                      <td>
                        {l.last_verified_on ? formatDay(l.last_verified_on, lang) : t('directory.neverVerified')}
                        {l.stale ? (
                          <span class="badge bg-warning text-dark ms-2" data-testid="directory-stale">
                            {t('directory.stale')}
                          </span>
                        ) : null}
                      </td>
                      <td>{l.last_modified ? formatDateTime(l.last_modified, lang) : '—'}</td>
                      <td>{l.pending_changes > 0 ? t('directory.pendingCount', { count: l.pending_changes }) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </TableRegion>
              <Pagination page={f.page} perPage={PER_PAGE} total={data.total} />
            </>
          );
        }}
      </LoadState>
    </>
  );
}
