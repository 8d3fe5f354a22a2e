// Referral aggregates for the Prefettura and analysts (issue 11 point 3): how long referrals wait
// to be accepted and completed (median and 90th percentile), counts by state, and outcomes by
// receiving organisation and by vulnerability category, for the referrals sent in a period.
// Aggregates only: the server sends no name and no case.
import type { ComponentChildren } from 'preact';
import { FilterBar, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { LoadState, TextField } from '../../components/forms';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { setQuery } from '../../lib/router';
import { useData } from '../../lib/useData';
import { type Metrics, referralsApi } from './api';

type Outcomes = Metrics['by_organization'][number];

export function ReferralMetrics() {
  const { t, lang } = useT();
  const title = t('referrals.metrics.title');
  usePageTitle(title);
  const filters = useFilters(['from', 'to'] as const);
  const { data, error } = useData(() => referralsApi.metrics(filters.values), [filters.key]);
  const hours = (h: number | null) => (h === null ? '—' : t('referrals.metrics.hours', { count: h }));
  const nf = (n: number) => formatNumber(n, lang);
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1} class="mb-3">
        {title}
      </h1>
      <p class="text-muted">{t('referrals.metrics.intro')}</p>
      <FilterBar label={t('referrals.metrics.period')} onApply={() => setQuery({ ...filters.inputs, page: null })} resetHref="/referrals/metrics" active={filters.active} buttonsClass="col-12 col-lg-4">
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="metrics-from" label={t('referrals.metrics.from')} type="date" value={filters.inputs.from} onValue={filters.setter('from')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="metrics-to" label={t('referrals.metrics.to')} type="date" value={filters.inputs.to} onValue={filters.setter('to')} />
        </div>
      </FilterBar>
      <LoadState error={error} ready={!!data}>
        {() =>
          data && (
            <>
              <TableRegion label={t('referrals.metrics.times')} testId="metrics-times">
                <thead>
                  <tr>
                    <th scope="col">{t('referrals.metrics.measure')}</th>
                    <th scope="col">{t('referrals.metrics.count')}</th>
                    <th scope="col">{t('referrals.metrics.median')}</th>
                    <th scope="col">{t('referrals.metrics.p90')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(['time_to_accept', 'time_to_complete'] as const).map((k) => (
                    <tr key={k}>
                      <th scope="row" class="fw-normal">
                        {t(k === 'time_to_accept' ? 'referrals.metrics.toAccept' : 'referrals.metrics.toComplete')}
                      </th>
                      <td>{nf(data[k].count)}</td>
                      <td>{hours(data[k].median_hours)}</td>
                      <td>{hours(data[k].p90_hours)}</td>
                    </tr>
                  ))}
                </tbody>
              </TableRegion>
              <TableRegion label={t('referrals.metrics.byState')} testId="metrics-states">
                <thead>
                  <tr>
                    <th scope="col">{t('referrals.state')}</th>
                    <th scope="col">{t('referrals.metrics.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.by_state
                    .filter((s) => s.state !== 'draft')
                    .map((s) => (
                      <tr key={s.state}>
                        <th scope="row" class="fw-normal">
                          {t(`referrals.states.${s.state}`)}
                        </th>
                        <td>{nf(s.count)}</td>
                      </tr>
                    ))}
                </tbody>
              </TableRegion>
              {data.min_group !== null ? (
                <p class="small text-muted" data-testid="metrics-left-out">
                  {t('referrals.metrics.leftOut', {
                    min: formatNumber(data.min_group, lang),
                    organizations: formatNumber(data.left_out.by_organization, lang),
                    categories: formatNumber(data.left_out.by_category, lang),
                  })}
                </p>
              ) : null}
              <OutcomeTable label={t('referrals.metrics.byOrganization')} testId="metrics-organizations" rows={data.by_organization} name={(o) => <bdi>{o.organization}</bdi>} />
              <OutcomeTable
                label={t('referrals.metrics.byCategory')}
                testId="metrics-categories"
                rows={data.by_category}
                name={(o) => (o.category ? t(`vulnerability.person.${o.category}`) : t('referrals.noCategory'))}
              />
            </>
          )
        }
      </LoadState>
    </div>
  );
}

function OutcomeTable({ label, testId, rows, name }: { label: string; testId: string; rows: Outcomes[]; name: (o: Outcomes) => ComponentChildren }) {
  const { t, lang } = useT();
  const nf = (n: number) => formatNumber(n, lang);
  return (
    <TableRegion label={label} testId={testId}>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col">{t('referrals.metrics.sent')}</th>
          <th scope="col">{t('referrals.states.accepted')}</th>
          <th scope="col">{t('referrals.states.declined')}</th>
          <th scope="col">{t('referrals.outcomes.successful')}</th>
          <th scope="col">{t('referrals.outcomes.unsuccessful')}</th>
          <th scope="col">{t('referrals.states.cancelled')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o, i) => (
          <tr key={i}>
            <th scope="row" class="fw-normal">
              {name(o)}
            </th>
            <td>{nf(o.sent)}</td>
            <td>{nf(o.accepted)}</td>
            <td>{nf(o.declined)}</td>
            <td>{nf(o.successful)}</td>
            <td>{nf(o.unsuccessful)}</td>
            <td>{nf(o.cancelled)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
