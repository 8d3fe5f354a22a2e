// /lots: the tender lots (CIG) with the centres each covers and their contracts; searchable,
// sortable and saved as CSV. The Prefettura records and corrects them (LotForm); an operator's
// staff see the lots of their own centres. A contract links here with ?q=<its CIG>.
import { Fragment } from 'preact';
import { CsvDownload } from '../../components/CsvDownload';
import { ListHeader } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { useFlash } from '../../components/flash';
import { LoadState, Notice, TextField } from '../../components/forms';
import { HeaderRow, useTableFilter } from '../../components/useTableFilter';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type LotSummary, centresApi } from './api';

const lotName = (l: LotSummary) => (l.lot ? `${l.tender} · ${l.lot}` : l.tender);

export function Lots() {
  const { t, lang } = useT();
  const { can } = useSession();
  const manage = can('contracts.manage');
  const loc = useLocation();
  const message = useFlash();
  const title = t('lots.title');
  usePageTitle(title);
  const { data: lots, error } = useData(async () => (await centresApi.lots()).items, []);
  const table = useTableFilter(lots, {
    text: (l) => [l.cig, l.tender, l.lot, ...l.centres.map((c) => c.name)].join(' '),
    sortKeys: {
      cig: (l) => l.cig,
      tender: lotName,
      period: (l) => l.start_date,
      centres: (l) => l.centres.length,
      contracts: (l) => l.contracts,
    },
    initial: { key: 'cig', direction: 'ascending' },
    initialQuery: loc.query.get('q') ?? '',
  });
  return (
    <div data-testid="lots-page">
      <ListHeader title={title} newHref={manage ? '/lots/new' : undefined} newLabel={t('lots.new')} newTestId="lot-new" />
      <p>{t('lots.intro')}</p>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <LoadState error={error} ready={!!lots}>
        {() =>
          lots && (
            <>
              <div class="row align-items-end">
                <div class="col-12 col-md-6">
                  <TextField id="lot-filter" label={t('lots.search')} type="search" value={table.query} onValue={table.setQuery} />
                </div>
                <div class="col-12 col-md-6 mb-4">
                  <CsvDownload
                    filename="lotti-di-gara.csv"
                    testId="lots-csv"
                    columns={['contracts.cig', 'lots.tender', 'lots.lot', 'lots.startDate', 'lots.endDate', 'lots.centres', 'lots.contracts']}
                    rows={table.rows}
                    cells={(l) => [l.cig, l.tender, l.lot, { day: l.start_date }, { day: l.end_date }, l.centres.map((c) => c.name).join(', '), l.contracts]}
                  />
                </div>
              </div>
              <p aria-live="polite" data-testid="lots-count">
                {t('lots.count', { count: table.rows.length })}
              </p>
              {table.rows.length ? (
                <TableRegion label={title} captionHidden testId="lots-table">
                  <thead>
                    <HeaderRow table={table} actions={manage} columns={[{ sort: 'cig', label: t('contracts.cig') }, { sort: 'tender', label: t('lots.tender') }, { sort: 'period', label: t('lots.period') }, { sort: 'centres', label: t('lots.centres') }, { sort: 'contracts', label: t('lots.contracts') }]} />
                  </thead>
                  <tbody>
                    {table.rows.map((l) => (
                      <tr key={l.id} data-lot={l.id} data-cig={l.cig}>
                        <th scope="row" class="fw-normal">
                          <bdi dir="ltr">{l.cig}</bdi>
                        </th>
                        <td>
                          <bdi>{lotName(l)}</bdi>
                        </td>
                        <td>{t('contracts.periodValue', { from: formatDay(l.start_date, lang), to: formatDay(l.end_date, lang) })}</td>
                        <td>
                          {l.centres.length ? (
                            // One line of names, not one line each: a lot covers a dozen centres.
                            <span data-testid="lot-centres">
                              {l.centres.map((c, i) => (
                                <Fragment key={c.id}>
                                  {i ? ', ' : null}
                                  <Link href={`/centres/${c.id}`}>
                                    <bdi>{c.name}</bdi>
                                  </Link>
                                </Fragment>
                              ))}
                            </span>
                          ) : (
                            <span class="text-muted">{t('lots.noCentres')}</span>
                          )}
                        </td>
                        <td>{l.contracts}</td>
                        {manage ? (
                          <td class="text-end">
                            <Link href={`/lots/${l.id}/edit`} class="btn btn-outline-primary btn-xs" data-testid="lot-edit">
                              {t('common.edit')}
                              <span class="visually-hidden"> {l.cig}</span>
                            </Link>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </TableRegion>
              ) : (
                <p data-testid="lots-empty">{t('list.empty')}</p>
              )}
            </>
          )
        }
      </LoadState>
    </div>
  );
}
