// The officer's lists as pages (issue 9 point 9): centres over capacity, registers not confirmed,
// invoices to check, contracts ending, and the Ministry's movements (point 6). Each says its
// columns and filters; WorkList does the rest.
import { TextField } from '../../components/forms';
import { formatDay, formatMonth, lastMonth, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatEuro } from '../../lib/money';
import { formatNumber } from '../../lib/numbers';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { LIST_PATHS, overviewApi } from './api';
import { WorkList } from './WorkList';

const centreLink = (id: number, name: string, to = '') => (
  <Link href={`/centres/${id}${to}`}>
    <bdi>{name}</bdi>
  </Link>
);

export function OverCapacityPage() {
  const { t, lang } = useT();
  return (
    <WorkList
      title={t('overview.overCapacity.title')}
      intro={t('overview.overCapacity.intro')}
      path={LIST_PATHS.overCapacity}
      name="over-capacity"
      filterKeys={['date'] as const}
      filters={(v, set) => (
        <div class="col-12 col-md-4">
          <TextField id="over-capacity-date" label={t('overview.date')} type="date" max={today()} value={v.date || today()} onValue={set('date')} />
        </div>
      )}
      defaultSort="-excess"
      load={overviewApi.overCapacity}
      rowKey={(r) => r.centre_id}
      summary={(d) => t('overview.onDay', { date: formatDay(String(d.date), lang) })}
      columns={[
        { label: t('overview.columns.centre'), sort: 'name', cell: (r) => centreLink(r.centre_id, r.name) },
        { label: t('overview.columns.municipality'), sort: 'municipality', cell: (r) => <bdi>{r.municipality}</bdi> },
        { label: t('overview.columns.places'), numeric: true, cell: (r) => formatNumber(r.places.total, lang) },
        { label: t('overview.columns.contractPlaces'), numeric: true, cell: (r) => (r.contract_places === null ? '–' : formatNumber(r.contract_places, lang)) },
        { label: t('overview.columns.guests'), sort: 'guests', numeric: true, cell: (r) => formatNumber(r.guests.total, lang) },
        { label: t('overview.columns.excess'), sort: 'excess', numeric: true, cell: (r) => formatNumber(r.excess, lang) },
      ]}
    />
  );
}

export function UnconfirmedRegistersPage() {
  const { t, lang } = useT();
  return (
    <WorkList
      title={t('overview.unconfirmed.title')}
      intro={t('overview.unconfirmed.intro')}
      path={LIST_PATHS.unconfirmedRegisters}
      name="unconfirmed-registers"
      filterKeys={['days'] as const}
      filters={(v, set) => (
        <div class="col-12 col-md-4">
          <TextField id="unconfirmed-days" label={t('overview.unconfirmed.days')} type="number" inputMode="numeric" min="1" max="62" value={v.days || '7'} onValue={set('days')} />
        </div>
      )}
      defaultSort="-unconfirmed_days"
      load={overviewApi.unconfirmedRegisters}
      rowKey={(r) => r.centre_id}
      summary={(d) => t('overview.period', { from: formatDay(String(d.from), lang), to: formatDay(String(d.to), lang) })}
      columns={[
        { label: t('overview.columns.centre'), sort: 'name', cell: (r) => centreLink(r.centre_id, r.centre_name, '/register') },
        { label: t('overview.columns.municipality'), sort: 'municipality', cell: (r) => <bdi>{r.municipality}</bdi> },
        { label: t('overview.columns.unconfirmedDays'), sort: 'unconfirmed_days', numeric: true, cell: (r) => formatNumber(r.unconfirmed_days, lang) },
        { label: t('overview.columns.changedDays'), numeric: true, cell: (r) => formatNumber(r.changed_days, lang) },
        { label: t('overview.columns.oldestDay'), sort: 'oldest_day', nowrap: true, cell: (r) => formatDay(r.oldest_day, lang) },
      ]}
    />
  );
}

export function InvoicesToCheckPage() {
  const { t, lang } = useT();
  return (
    <WorkList
      title={t('overview.invoices.title')}
      intro={t('overview.invoices.intro')}
      path={LIST_PATHS.invoices}
      name="invoices-to-check"
      filterKeys={['month'] as const}
      filters={(v, set) => (
        <div class="col-12 col-md-4">
          <TextField id="invoices-month" label={t('overview.month')} type="month" max={today().slice(0, 7)} value={v.month || lastMonth()} onValue={set('month')} />
        </div>
      )}
      defaultSort="-differences"
      load={overviewApi.invoices}
      rowKey={(r) => r.invoice_id}
      summary={(d) => t('overview.invoices.summary', { month: formatMonth(String(d.month), lang), count: Number(d.with_differences) })}
      columns={[
        {
          label: t('overview.columns.centre'),
          sort: 'name',
          cell: (r) => centreLink(r.centre_id, r.centre_name, `/costs?month=${r.month}&invoice=${r.invoice_id}`),
        },
        { label: t('overview.columns.invoiceNumber'), cell: (r) => <bdi>{r.number}</bdi> },
        { label: t('overview.columns.submitted'), sort: 'submitted_at', nowrap: true, cell: (r) => formatDay(r.submitted_at.slice(0, 10), lang) },
        { label: t('overview.columns.daysDifference'), numeric: true, cell: (r) => formatNumber(r.presence_days_difference, lang) },
        { label: t('overview.columns.amount'), sort: 'amount', numeric: true, cell: (r) => formatEuro(r.amount_cents, lang) },
        { label: t('overview.columns.amountDifference'), numeric: true, cell: (r) => formatEuro(r.amount_difference_cents, lang) },
        {
          label: t('overview.columns.check'),
          sort: 'differences',
          cell: (r) =>
            r.has_differences ? (
              <span class="badge bg-warning text-dark">{t('overview.invoices.differences')}</span>
            ) : (
              <span class="badge bg-success">{t('overview.invoices.matches')}</span>
            ),
        },
      ]}
    />
  );
}

export function ContractsEndingPage() {
  const { t, lang } = useT();
  return (
    <WorkList
      title={t('overview.contracts.title')}
      intro={t('overview.contracts.intro')}
      path={LIST_PATHS.contractsEnding}
      name="contracts-ending"
      filterKeys={['days'] as const}
      filters={(v, set) => (
        <div class="col-12 col-md-4">
          <TextField id="contracts-days" label={t('overview.contracts.days')} type="number" inputMode="numeric" min="1" max="366" value={v.days || '90'} onValue={set('days')} />
        </div>
      )}
      defaultSort="end_date"
      load={overviewApi.contractsEnding}
      rowKey={(r) => r.contract_id}
      summary={(d) => t('overview.period', { from: formatDay(String(d.from), lang), to: formatDay(String(d.to), lang) })}
      columns={[
        { label: t('overview.columns.centre'), sort: 'name', cell: (r) => centreLink(r.centre_id, r.centre_name) },
        { label: t('overview.columns.cig'), cell: (r) => <bdi>{r.cig}</bdi> },
        { label: t('overview.columns.endDate'), sort: 'end_date', nowrap: true, cell: (r) => formatDay(r.end_date, lang) },
        { label: t('overview.columns.daysLeft'), numeric: true, cell: (r) => t('overview.daysLeft', { count: r.days_left }) },
        { label: t('overview.columns.places'), sort: 'places', numeric: true, cell: (r) => formatNumber(r.places, lang) },
        { label: t('overview.columns.price'), numeric: true, cell: (r) => formatEuro(r.price_cents, lang) },
      ]}
    />
  );
}

export function MovementsPage() {
  const { t, lang } = useT();
  const { can } = useSession();
  const people = can('persons.read');
  return (
    <WorkList
      title={t('overview.movements.title')}
      intro={t('overview.movements.intro')}
      path={LIST_PATHS.movements}
      name="movements"
      filterKeys={['from', 'to'] as const}
      filters={(v, set) => (
        <>
          <div class="col-12 col-md-4">
            <TextField id="movements-from" label={t('overview.from')} type="date" max={today()} value={v.from || `${today().slice(0, 8)}01`} onValue={set('from')} />
          </div>
          <div class="col-12 col-md-4">
            <TextField id="movements-to" label={t('overview.to')} type="date" max={today()} value={v.to || today()} onValue={set('to')} />
          </div>
        </>
      )}
      defaultSort="day"
      load={overviewApi.movements}
      rowKey={(r) => `${r.placement_id}-${r.movement}`}
      summary={(d) => t('overview.period', { from: formatDay(String(d.from), lang), to: formatDay(String(d.to), lang) })}
      columns={[
        { label: t('overview.columns.date'), sort: 'day', nowrap: true, cell: (r) => formatDay(r.day, lang) },
        {
          label: t('overview.columns.cui'),
          cell: (r) => {
            const text = r.cui ? <bdi>{r.cui}</bdi> : <span class="text-muted">{t('overview.movements.noCui')}</span>;
            return people ? <Link href={`/persons/${r.person_id}`}>{text}</Link> : text;
          },
        },
        { label: t('overview.columns.centre'), sort: 'centre', cell: (r) => centreLink(r.centre_id, r.centre_name) },
        {
          label: t('overview.columns.movement'),
          sort: 'movement',
          cell: (r) =>
            ({
              arrival: t('overview.movements.arrival'),
              transfer_out: t('overview.movements.transferOut'),
              transfer_in: t('overview.movements.transferIn'),
              exit: t('overview.movements.exit'),
            })[r.movement],
        },
        {
          label: t('overview.columns.reason'),
          cell: (r) => (r.reason === null ? '' : r.movement === 'arrival' ? t(`arrivalOrigins.${r.reason}`) : t(`exitReasons.${r.reason}`)),
        },
      ]}
    />
  );
}
