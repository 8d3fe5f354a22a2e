// The centre's own records beside what the inspectors found (issue 10 point 2): the presence
// register of the inspection's day against the head count, and the month's pocket money, phone
// cards and kits, due against handed over. Counts only: the guests are on the register's pages.
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatEuro } from '../../lib/money';
import { formatNumber, intlLocale } from '../../lib/numbers';
import type { InspectionDetail, MoneyFigures, RegisterFigures } from './api';

/** A difference with its sign, kept left to right in Arabic too ("+2", not "2+"). */
function signed(n: number, lang: string) {
  return <bdi dir="ltr">{`${n > 0 ? '+' : ''}${formatNumber(n, lang)}`}</bdi>;
}

function RegisterDay({ r }: { r: RegisterFigures }) {
  const { t, lang } = useT();
  const rows: [string, preact.ComponentChildren, string?][] = [
    [t('monitoring.figures.registerStatus'), t(`monitoring.figures.registerStatuses.${r.status}`)],
    [t('monitoring.figures.registeredPresent'), formatNumber(r.registered_present, lang), 'registered-present'],
    [t('monitoring.figures.registeredAbsent'), formatNumber(r.registered_absent, lang), 'registered-absent'],
    ...(r.confirmed_present != null ? [[t('monitoring.figures.confirmedPresent'), formatNumber(r.confirmed_present, lang)] as [string, string]] : []),
    [t('monitoring.figures.counted'), r.counted != null ? formatNumber(r.counted, lang) : t('monitoring.figures.notCounted'), 'counted'],
  ];
  if (r.difference != null)
    rows.push([
      t('monitoring.figures.difference'),
      <span class={r.difference ? 'fw-bold text-danger' : undefined}>{r.difference ? signed(r.difference, lang) : t('monitoring.figures.matches')}</span>,
      'difference',
    ]);
  return (
    <>
      <h3 class="h5">{t('monitoring.figures.registerHeading', { day: formatDay(r.day, lang) })}</h3>
      <dl class="row mb-3">
        {rows.map(([label, value, testId]) => (
          <div class="col-12 col-md-6 d-flex justify-content-between border-bottom py-1" key={label} data-testid={testId ? `figure-${testId}` : undefined}>
            <dt class="fw-normal">{label}</dt>
            <dd class="mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function Money({ m }: { m: MoneyFigures }) {
  const { t, lang } = useT();
  const month = new Intl.DateTimeFormat(intlLocale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m.month}-01T00:00:00Z`));
  const counted = (l: MoneyFigures['lines'][number]) => l.due_count != null;
  return (
    <>
      <h3 class="h5" id="money-heading">
        {m.complete ? t('monitoring.figures.moneyHeading', { month }) : t('monitoring.figures.moneyHeadingUntil', { month, day: formatDay(m.to, lang) })}
      </h3>
      <div class="table-responsive">
        <table class="table table-sm" aria-labelledby="money-heading" data-testid="figures-money">
          <thead>
            <tr>
              <th scope="col">{t('monitoring.figures.item')}</th>
              <th scope="col" class="text-end">{t('monitoring.figures.due')}</th>
              <th scope="col" class="text-end">{t('monitoring.figures.handedOver')}</th>
              <th scope="col" class="text-end">{t('monitoring.figures.gap')}</th>
            </tr>
          </thead>
          <tbody>
            {m.lines.map((l) => {
              const due = counted(l) ? (l.due_count ?? 0) : l.due_cents;
              const given = counted(l) ? (l.handed_over_count ?? 0) : l.handed_over_cents;
              const show = (n: number) => (counted(l) ? formatNumber(n, lang) : formatEuro(n, lang));
              return (
                <tr key={l.item} data-item={l.item}>
                  <th scope="row" class="fw-normal">
                    {t(`monitoring.figures.items.${l.item}`)}
                  </th>
                  <td class="text-end">{show(due)}</td>
                  <td class="text-end">{show(given)}</td>
                  <td class={`text-end${given < due ? ' fw-bold text-danger' : ''}`}>{given === due ? '—' : counted(l) ? signed(given - due, lang) : <bdi dir="ltr">{formatEuro(given - due, lang)}</bdi>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function Figures({ detail }: { detail: InspectionDetail }) {
  const { t } = useT();
  return (
    <section class="mb-4" aria-labelledby="figures-heading" data-testid="inspection-figures">
      <h2 id="figures-heading" class="h4">
        {t('monitoring.figures.heading')}
      </h2>
      {detail.register ? <RegisterDay r={detail.register} /> : <p>{t('monitoring.figures.later')}</p>}
      {detail.money ? <Money m={detail.money} /> : null}
    </section>
  );
}
