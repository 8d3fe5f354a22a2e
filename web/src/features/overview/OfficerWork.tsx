// The officer's work across all centres on the home page (issue 9 point 9): for each list, how
// many need attention, the first few, and a link to the whole list (sortable, exportable).
import type { ComponentChildren } from 'preact';
import { LoadState } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatEuro } from '../../lib/money';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { LIST_PATHS, overviewApi } from './api';

const TOP = 3;

function WorkCard<A extends { items: unknown[]; total: number }>({
  id,
  title,
  path,
  load,
  count,
  empty,
  item,
}: {
  id: string;
  title: string;
  path: string;
  load: () => Promise<A>;
  /** "3 centres", from the answer. */
  count: (answer: A) => string;
  empty: string;
  item: (row: A['items'][number]) => ComponentChildren;
}) {
  const { t } = useT();
  const { data, error } = useData(load, []);
  return (
    <li class="col-12 col-lg-6">
      <section class="area-card h-100" aria-labelledby={`${id}-heading`} data-testid={`work-${id}`}>
        <div class="area-card-body">
          <h3 id={`${id}-heading`} class="h5">
            {title}
          </h3>
          <LoadState error={error} ready={!!data}>
            {() =>
              data && (
                <>
                  <p class="h4 mb-3" data-testid={`work-${id}-count`}>
                    {data.total ? count(data) : empty}
                  </p>
                  {data.items.length ? <ul class="mb-3">{data.items.map((r, i) => <li key={i}>{item(r)}</li>)}</ul> : null}
                  <Link href={path} data-testid={`work-${id}-all`}>
                    {t('overview.home.seeAll', { title })}
                  </Link>
                </>
              )
            }
          </LoadState>
        </div>
      </section>
    </li>
  );
}

export function OfficerWork() {
  const { t, lang } = useT();
  const top = { page: 1, per_page: TOP };
  return (
    <section aria-labelledby="work-heading" class="mb-5" data-testid="officer-work">
      <h2 id="work-heading" class="h4 mb-4">
        {t('overview.home.heading')}
      </h2>
      <ul class="row list-unstyled g-4">
        <WorkCard
          id="over-capacity"
          title={t('overview.overCapacity.title')}
          path={LIST_PATHS.overCapacity}
          load={() => overviewApi.overCapacity(top)}
          count={(d) => t('overview.home.centres', { count: d.total })}
          empty={t('overview.home.noneOverCapacity')}
          item={(r) => (
            <>
              <bdi>{r.name}</bdi>: {t('overview.home.excess', { count: r.excess })}
            </>
          )}
        />
        <WorkCard
          id="unconfirmed-registers"
          title={t('overview.unconfirmed.title')}
          path={LIST_PATHS.unconfirmedRegisters}
          load={() => overviewApi.unconfirmedRegisters(top)}
          count={(d) => t('overview.home.centres', { count: d.total })}
          empty={t('overview.home.allConfirmed')}
          item={(r) => (
            <>
              <bdi>{r.centre_name}</bdi>: {t('overview.home.unconfirmedDays', { count: r.unconfirmed_days + r.changed_days, date: formatDay(r.oldest_day, lang) })}
            </>
          )}
        />
        <WorkCard
          id="invoices"
          title={t('overview.invoices.title')}
          path={LIST_PATHS.invoices}
          load={() => overviewApi.invoices(top)}
          count={(d) => t('overview.home.invoices', { count: d.total, n: d.with_differences })}
          empty={t('overview.home.noInvoices')}
          item={(r) => (
            <>
              <bdi>{r.centre_name}</bdi>:{' '}
              {r.has_differences ? t('overview.home.amountDifference', { amount: formatEuro(r.amount_difference_cents, lang) }) : t('overview.invoices.matches')}
            </>
          )}
        />
        <WorkCard
          id="contracts-ending"
          title={t('overview.contracts.title')}
          path={LIST_PATHS.contractsEnding}
          load={() => overviewApi.contractsEnding(top)}
          count={(d) => t('overview.home.contracts', { count: d.total })}
          empty={t('overview.home.noContractsEnding')}
          item={(r) => (
            <>
              <bdi>{r.centre_name}</bdi>: {t('overview.home.endsOn', { date: formatDay(r.end_date, lang) })}
            </>
          )}
        />
      </ul>
    </section>
  );
}
