import { useState } from 'preact/hooks';
import { usePageTitle } from '../../components/PageTitle';
import { Pagination, ResultsSummary } from '../../components/Pagination';
import { TableRegion } from '../../components/TableRegion';
import { LoadState, SelectField, TextField } from '../../components/forms';
import { pageParam } from '../../components/useList';
import { formatDay, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { CATEGORIES, FlagBadges } from '../centres/index';
import { MinorsInSections } from './MinorsInSections';
import { receptionApi } from './api';

// The most the API gives in one page: at the scale of a prefecture, all centres at once.
const PER_PAGE = 100;

export function Occupancy() {
  const { t, lang } = useT();
  const { can } = useSession();
  const title = t('occupancy.title');
  usePageTitle(title);
  const loc = useLocation();
  const date = loc.query.get('date') ?? '';
  const flag = loc.query.get('flag') ?? '';
  const page = pageParam(loc.query);
  const [inputDate, setInputDate] = useState(date || today());
  const [inputFlag, setInputFlag] = useState(flag);
  // New inputs clear the old answer: the table never shows another page or filter's rows.
  const { data, error } = useData(
    () => receptionApi.occupancy({ date: date || undefined, flag: flag || undefined, page, per_page: PER_PAGE }),
    [date, flag, page],
  );

  // Places above contract (decision 0020) are named apart: "12 of 20 + 4 above contract".
  const cell = (key: string, guests: number, places: number, free: number, derogated: number) => (
    <td key={key} class="text-end text-nowrap">
      {t('occupancy.cell', { guests, places })}
      {derogated ? <div class="small">{t('occupancy.derogated', { n: derogated })}</div> : null}
      <div class="small text-muted">{t('occupancy.free', { n: free })}</div>
    </td>
  );

  return (
    <div>
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      <form
        role="search"
        aria-label={t('occupancy.filters')}
        class="row align-items-end filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ date: inputDate === today() ? null : inputDate, flag: inputFlag, page: null }, false);
        }}
      >
        <div class="col-12 col-md-4">
          <TextField id="occupancy-date" label={t('occupancy.date')} type="date" max={today()} value={inputDate} onValue={setInputDate} />
        </div>
        <div class="col-12 col-md-4">
          <SelectField
            id="occupancy-flag"
            label={t('occupancy.flag')}
            value={inputFlag}
            onValue={setInputFlag}
            empty={t('common.all')}
            options={[
              { value: 'over_capacity', label: t('occupancy.overCapacity') },
              { value: 'under_use', label: t('occupancy.underUse') },
            ]}
          />
        </div>
        <div class="col-12 col-md-4 mb-4">
          <button type="submit" class="btn btn-primary">
            {t('occupancy.show')}
          </button>
        </div>
      </form>
      <LoadState error={error} ready={!!data}>
        {() =>
          data && (
            <div data-testid="occupancy">
              <section aria-labelledby="totals-heading" class="mb-5">
                <h2 id="totals-heading" class="h3">
                  {t('occupancy.totalsHeading', { date: formatDay(data.date, lang) })}
                </h2>
                <dl class="row occupancy-totals" data-testid="occupancy-totals">
                  <div class="col-6 col-md-4 col-lg-2">
                    <dt>{t('occupancy.centres')}</dt>
                    <dd class="h4">{data.totals.centres}</dd>
                  </div>
                  <div class="col-6 col-md-4 col-lg-2">
                    <dt>{t('occupancy.guests')}</dt>
                    <dd class="h4">{data.totals.guests.total}</dd>
                  </div>
                  <div class="col-6 col-md-4 col-lg-2">
                    <dt>{t('occupancy.places')}</dt>
                    <dd class="h4">{data.totals.places.total}</dd>
                  </div>
                  <div class="col-6 col-md-4 col-lg-2">
                    <dt>{t('occupancy.derogatedTotal')}</dt>
                    <dd class="h4">{data.totals.derogated_places.total}</dd>
                  </div>
                  <div class="col-6 col-md-4 col-lg-2">
                    <dt>{t('occupancy.freeTotal')}</dt>
                    <dd class="h4">{Math.max(0, data.totals.places.total + data.totals.derogated_places.total - data.totals.guests.total)}</dd>
                  </div>
                  <div class="col-6 col-md-4 col-lg-2">
                    <dt>{t('occupancy.overCapacity')}</dt>
                    <dd class="h4">{data.totals.over_capacity}</dd>
                  </div>
                  <div class="col-6 col-md-4 col-lg-2">
                    <dt>{t('occupancy.underUse')}</dt>
                    <dd class="h4">{data.totals.under_use}</dd>
                  </div>
                </dl>
              </section>
              <section aria-labelledby="centres-heading">
                <h2 id="centres-heading" class="h3">
                  {t('occupancy.centresHeading')}
                </h2>
                {data.total > 0 && <ResultsSummary page={data.page} perPage={data.per_page} total={data.total} />}
                {data.items.length ? (
                  <TableRegion label={t('occupancy.centresHeading')} caption={t('occupancy.caption', { date: formatDay(data.date, lang) })} testId="occupancy-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('centres.name')}</th>
                        {CATEGORIES.map((c) => (
                          <th scope="col" class="text-end" key={c}>
                            {t(`categories.${c}`)}
                          </th>
                        ))}
                        <th scope="col" class="text-end">
                          {t('occupancy.total')}
                        </th>
                        <th scope="col">{t('occupancy.flags')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((o) => (
                        <tr key={o.centre_id} data-centre={o.centre_id}>
                          <th scope="row" class="fw-normal">
                            <Link href={`/centres/${o.centre_id}`}>
                              <bdi>{o.name}</bdi>
                            </Link>
                            <div class="small text-muted">{t(`centreStatuses.${o.status}`, { defaultValue: o.status })}</div>
                          </th>
                          {CATEGORIES.map((c) => cell(c, o.guests[c], o.places[c], o.free[c], o.derogated_places[c]))}
                          {cell('total', o.guests.total, o.places.total, o.free.total, o.derogated_places.total)}
                          <td>
                            <FlagBadges over={o.over_capacity} under={o.under_use} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </TableRegion>
                ) : (
                  <p>{t('occupancy.empty')}</p>
                )}
                <Pagination page={data.page} perPage={data.per_page} total={data.total} />
              </section>
            </div>
          )
        }
      </LoadState>
      {can('placements.read') ? <MinorsInSections date={date} /> : null}
    </div>
  );
}
