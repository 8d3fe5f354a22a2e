// The contribution of people under temporary protection living outside reception (OCDPC
// 881/2022; decision 0042), as the SUI and the Prefettura check it: the application day and the
// rules in force on it, then one line a person and month with the days paid at the adult or child
// rate and the days spent in a reception centre (unpaid), each line's amount and the totals. The
// amounts are the server's; the page only says them, and saves them for the office's spreadsheet.
import { CsvDownload } from '../../components/CsvDownload';
import { LoadState } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { euroText, formatEuro } from '../../lib/money';
import { formatList, formatNumber } from '../../lib/numbers';
import { useData } from '../../lib/useData';
import { type Contribution, protectionApi } from './api';

export function ContributionPanel({ personId }: { personId: number }) {
  const { t } = useT();
  const loaded = useData(() => protectionApi.contribution(personId), [personId]);
  return (
    <section aria-labelledby="contribution-heading" class="mb-4" data-testid="contribution">
      <h2 id="contribution-heading" class="h4">
        {t('protection.title')}
      </h2>
      <LoadState error={loaded.error} ready={!!loaded.data}>
        {() => (loaded.data ? <ContributionBody c={loaded.data} /> : null)}
      </LoadState>
    </section>
  );
}

function ContributionBody({ c }: { c: Contribution }) {
  const { t, lang } = useT();
  const name = (id: number) => {
    const m = c.members.find((x) => x.id === id);
    return m ? `${m.family_name} ${m.given_names}`.trim() : String(id);
  };
  const notes = (codes: string[]) => formatList(codes.filter((n) => n !== 'adult_rate' && n !== 'child_rate').map((n) => t(`protection.notes.${n}`)), lang);
  const title = t('protection.lines');
  return (
    <>
      <p>
        {t('protection.rules', {
          adult: formatEuro(c.adult_cents_per_month, lang),
          child: formatEuro(c.child_cents_per_month, lang),
          months: formatNumber(c.max_months, lang),
          day: formatDay(c.setting_applies_from, lang),
        })}
      </p>
      <dl class="row">
        <dt class="col-12 col-md-4 fw-semibold">{t('protection.application')}</dt>
        <dd class="col-12 col-md-8">{formatDay(c.application_date, lang)}</dd>
        <dt class="col-12 col-md-4 fw-semibold">{t('protection.period')}</dt>
        <dd class="col-12 col-md-8">{t('protection.fromTo', { from: formatDay(c.period_from, lang), to: formatDay(c.period_to, lang) })}</dd>
        <dt class="col-12 col-md-4 fw-semibold">{t('protection.protectionEnds')}</dt>
        <dd class="col-12 col-md-8">{formatDay(c.protection_ends, lang)}</dd>
        <dt class="col-12 col-md-4 fw-semibold">{t('protection.total')}</dt>
        <dd class="col-12 col-md-8 fw-semibold" data-testid="contribution-total">
          {formatEuro(c.total_cents, lang)}
        </dd>
      </dl>
      <ul data-testid="contribution-members">
        {c.members.map((m) => (
          <li key={m.id} data-member={m.id}>
            <bdi>{`${m.family_name} ${m.given_names}`.trim()}</bdi>
            {m.birth_date ? ` (${t('protection.born', { day: formatDay(m.birth_date, lang) })})` : ''}: {formatEuro(m.total_cents, lang)}
          </li>
        ))}
      </ul>
      <div class="mb-3">
        <CsvDownload
          filename={`contributo-protezione-temporanea-${c.person_id}.csv`}
          testId="contribution-csv"
          columns={['protection.person', 'protection.month', 'protection.from', 'protection.to', 'protection.adultDays', 'protection.childDays', 'protection.receptionDays', 'protection.amountEuro', 'protection.notesColumn']}
          rows={c.lines}
          cells={(l) => [name(l.person_id), l.month, { day: l.from }, { day: l.to }, l.adult_days, l.child_days, l.reception_days, euroText(l.amount_cents), notes(l.notes)]}
        />
      </div>
      <div class="table-responsive" tabIndex={0} role="region" aria-label={title}>
        <table class="table table-sm" data-testid="contribution-lines">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('protection.person')}</th>
              <th scope="col">{t('protection.month')}</th>
              <th scope="col" class="text-end">
                {t('protection.adultDays')}
              </th>
              <th scope="col" class="text-end">
                {t('protection.childDays')}
              </th>
              <th scope="col" class="text-end">
                {t('protection.receptionDays')}
              </th>
              <th scope="col" class="text-end">
                {t('protection.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.lines.map((l) => (
              <tr key={`${l.person_id}-${l.month}`} data-person={l.person_id} data-month={l.month}>
                <td>
                  <bdi>{name(l.person_id)}</bdi>
                </td>
                <td>
                  {t('protection.monthOf', { n: formatNumber(l.month, lang), from: formatDay(l.from, lang), to: formatDay(l.to, lang) })}
                  {notes(l.notes) ? <div class="small">{notes(l.notes)}</div> : null}
                </td>
                <td class="text-end">{formatNumber(l.adult_days, lang)}</td>
                <td class="text-end">{formatNumber(l.child_days, lang)}</td>
                <td class="text-end">{formatNumber(l.reception_days, lang)}</td>
                <td class="text-end">{formatEuro(l.amount_cents, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
