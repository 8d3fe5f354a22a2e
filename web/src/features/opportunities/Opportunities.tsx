// The staff's list of opportunities: the published ones and the drafts of the caller's
// organisation, searched in any of the six languages, filtered by kind, state and what the public
// sees now; publishers open a new one from here.
import { DataTable, FilterBar, ListHeader, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { useFlash } from '../../components/flash';
import { Notice, SelectField, TextField } from '../../components/forms';
import { PER_PAGE, useList } from '../../components/useList';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { KINDS, STATUSES, opportunitiesApi } from './api';
import { NewOpportunity } from './OpportunityForm';
import { StatusBadge } from './parts';

export function Opportunities() {
  const loc = useLocation();
  const { can } = useSession();
  const publish = can('opportunities.publish');
  if (publish && loc.query.get('new')) return <NewOpportunity />;
  return <OpportunityList publish={publish} />;
}

function OpportunityList({ publish }: { publish: boolean }) {
  const { t, lang } = useT();
  const title = t('opportunities.title');
  usePageTitle(title);
  const message = useFlash();
  const filters = useFilters(['q', 'kind', 'status', 'current'] as const);
  const { q, kind, status, current } = filters.values;
  const { inputs, setter } = filters;
  const list = useList(() => opportunitiesApi.list({ q, kind, status, current, page: filters.page, per_page: PER_PAGE }), filters.key);
  return (
    <div>
      <ListHeader title={title} newHref={publish ? '/opportunities?new=1' : undefined} newLabel={t('opportunities.new')} newTestId="opportunity-new" />
      <p>{t('opportunities.intro')}</p>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <FilterBar
        label={t('opportunities.filters')}
        onApply={() => setQuery({ q: inputs.q.trim(), kind: inputs.kind, status: inputs.status, current: inputs.current, page: null })}
        resetHref="/opportunities"
        active={filters.active}
        buttonsClass="col-12 col-md-6 col-lg-4"
      >
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="opportunity-q" label={t('opportunities.search')} type="search" value={inputs.q} onValue={setter('q')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="opportunity-kind"
            label={t('opportunities.kind')}
            value={inputs.kind}
            onValue={setter('kind')}
            empty={t('common.all')}
            options={KINDS.map((k) => ({ value: k, label: t(`opportunities.kinds.${k}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="opportunity-status"
            label={t('opportunities.status')}
            value={inputs.status}
            onValue={setter('status')}
            empty={t('common.all')}
            options={STATUSES.map((s) => ({ value: s, label: t(`opportunities.statuses.${s}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="opportunity-current"
            label={t('opportunities.visibility')}
            value={inputs.current}
            onValue={setter('current')}
            empty={t('common.all')}
            options={[{ value: 'true', label: t('opportunities.publicNow') }]}
          />
        </div>
      </FilterBar>
      <DataTable
        list={list}
        label={title}
        testId="opportunity-table"
        head={
          <>
            <th scope="col">{t('opportunities.titleField')}</th>
            <th scope="col">{t('opportunities.kind')}</th>
            <th scope="col">{t('opportunities.publisher')}</th>
            <th scope="col">{t('opportunities.expiresOn')}</th>
            <th scope="col">{t('opportunities.status')}</th>
          </>
        }
        row={(o) => (
          <tr key={o.id}>
            <td>
              <Link href={`/opportunities/${o.id}`} data-opportunity={o.id}>
                <bdi>{o.title}</bdi>
              </Link>
            </td>
            <td>{t(`opportunities.kinds.${o.kind}`)}</td>
            <td>
              <bdi>{o.publisher.name}</bdi>
            </td>
            <td>{formatDay(o.expires_on, lang)}</td>
            <td>
              <StatusBadge opportunity={o} />
            </td>
          </tr>
        )}
      />
    </div>
  );
}
