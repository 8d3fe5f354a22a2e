// The case list (issue 11 point 7): the cases the user's organisation keeps (the Prefettura: all),
// searched by name, filtered by centre, nationality, status, legal status, vulnerability category and
// screening due or late (answered by the screening module), sorted and paged by the server, and
// saved whole as CSV or XLSX by the server in the page's language. A case worker opens a new case from a
// person search.
import { useFlash } from '../../components/flash';
import { DataTable, FilterBar, ListHeader, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { Notice, SelectField, TextField } from '../../components/forms';
import { PER_PAGE, useList } from '../../components/useList';
import { nationality } from '../../lib/countries';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { CASE_STATUSES, casesApi, DESCENDING, LEGAL_STATUSES, SCREENING_STATES, SORT_KEYS, VULNERABILITY_CATEGORIES } from './api';
import { OpenCase } from './OpenCase';


export function Cases() {
  const loc = useLocation();
  const { can } = useSession();
  const manage = can('cases.manage');
  if (manage && loc.query.get('new')) return <OpenCase />;
  return <CaseList manage={manage} />;
}

function CaseList({ manage }: { manage: boolean }) {
  const { t, lang } = useT();
  const title = t('cases.title');
  usePageTitle(title);
  // A case handed over from its page comes back here, where it no longer is.
  const flash = useFlash();
  const filters = useFilters(['q', 'centre_id', 'nationality', 'status', 'legal_status', 'vulnerability', 'screening', 'sort'] as const);
  const { inputs, setter, values } = filters;
  const query = { ...values, sort: values.sort || 'name' };
  const list = useList(() => casesApi.listCases({ ...query, page: filters.page, per_page: PER_PAGE }), filters.key);
  const { data: centres } = useData(async () => (await casesApi.centres()).items, []);
  return (
    <div>
      <ListHeader title={title} newHref={manage ? '/cases?new=1' : undefined} newLabel={t('cases.new')} newTestId="case-new" />
      {flash ? <Notice kind="success">{flash}</Notice> : null}
      <p class="text-muted">{t('cases.intro')}</p>
      <FilterBar
        label={t('cases.filters')}
        onApply={() => setQuery({ ...inputs, q: inputs.q.trim(), page: null })}
        resetHref="/cases"
        active={filters.active}
        buttonsClass="col-12 col-lg-4"
      >
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="case-q" label={t('cases.search')} type="search" value={inputs.q} onValue={setter('q')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="case-centre"
            label={t('cases.centre')}
            value={inputs.centre_id}
            onValue={setter('centre_id')}
            empty={t('common.all')}
            options={(centres ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="case-nationality" label={t('cases.nationality')} hint={t('cases.nationalityHint')} maxLength={2} value={inputs.nationality} onValue={(v) => setter('nationality')(v.toUpperCase())} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="case-status"
            label={t('cases.status')}
            value={inputs.status}
            onValue={setter('status')}
            empty={t('common.all')}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="case-legal-status"
            label={t('cases.legalStatus')}
            value={inputs.legal_status}
            onValue={setter('legal_status')}
            empty={t('common.all')}
            options={LEGAL_STATUSES.map((s) => ({ value: s, label: t(`cases.legalStatuses.${s}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="case-vulnerability"
            label={t('cases.vulnerability')}
            value={inputs.vulnerability}
            onValue={setter('vulnerability')}
            empty={t('common.all')}
            options={VULNERABILITY_CATEGORIES.map((c) => ({ value: c, label: t(`vulnerability.category.${c}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="case-screening"
            label={t('cases.screening')}
            value={inputs.screening}
            onValue={setter('screening')}
            empty={t('common.all')}
            options={SCREENING_STATES.map((s) => ({ value: s, label: t(`cases.screenings.${s}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="case-sort"
            label={t('cases.sort')}
            value={inputs.sort || 'name'}
            onValue={setter('sort')}
            options={SORT_KEYS.map((k) => ({ value: DESCENDING.includes(k) ? `-${k}` : k, label: t(`cases.sorts.${k}`) }))}
          />
        </div>
      </FilterBar>
      <div class="d-flex flex-wrap gap-2 mb-3" role="group" aria-label={t('cases.downloads')}>
        <a href={casesApi.casesFile(query, 'csv', lang)} download class="btn btn-outline-primary btn-sm" data-testid="cases-csv">
          {t('cases.downloadCsv')}
        </a>
        <a href={casesApi.casesFile(query, 'xlsx', lang)} download class="btn btn-outline-primary btn-sm" data-testid="cases-xlsx">
          {t('cases.downloadXlsx')}
        </a>
      </div>
      {!manage ? <Notice kind="info">{t('cases.readOnly')}</Notice> : null}
      <DataTable
        list={list}
        label={title}
        testId="case-table"
        head={
          <>
            <th scope="col">{t('cases.person')}</th>
            <th scope="col">{t('cases.nationality')}</th>
            <th scope="col">{t('cases.centre')}</th>
            <th scope="col">{t('cases.status')}</th>
            <th scope="col">{t('cases.legalStatus')}</th>
            <th scope="col">{t('cases.nextExpiry')}</th>
          </>
        }
        row={(c) => (
          <tr key={c.id}>
            <td>
              <Link href={`/cases/${c.id}`}>
                <bdi>
                  {c.person.family_name} {c.person.given_names}
                </bdi>
              </Link>
            </td>
            <td>{nationality(c.person.nationality, lang, t)}</td>
            <td>{c.current_centre ? <bdi>{c.current_centre.name}</bdi> : '—'}</td>
            <td>{t(`cases.statuses.${c.status}`)}</td>
            <td>{c.legal_status ? t(`cases.legalStatuses.${c.legal_status}`) : '—'}</td>
            <td>{c.next_expiry ? formatDay(c.next_expiry, lang) : '—'}</td>
          </tr>
        )}
      />
    </div>
  );
}
