// The deadline view above the files' list: for each procedure, how many of the caller's files are
// open, past their due date, due within 10 days and suspended today, each count a link to those
// files. One request (GET /procedure-files/counts): the server counts in one statement, over the
// files the caller may read (a case worker: those of the people they follow).
import { formatNumber } from '../../lib/numbers';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { LoadState } from '../../components/forms';
import { proceduresApi } from './api';
import { Label } from './parts';

type Column = 'overdue' | 'due_soon' | 'suspended';

export function DeadlineSummary() {
  const { t, lang } = useT();
  const counts = useData(() => proceduresApi.counts(), [lang]);
  const number = (n: number, href: string, label: string) =>
    n ? (
      <Link href={href}>
        <span aria-hidden="true">{formatNumber(n, lang)}</span>
        <span class="visually-hidden">{label}</span>
      </Link>
    ) : (
      formatNumber(0, lang)
    );
  const labelKey: Record<Column, string> = { overdue: 'procedures.deadlines.overdueOf', due_soon: 'procedures.deadlines.dueSoonOf', suspended: 'procedures.deadlines.suspendedOf' };
  return (
    <section aria-labelledby="deadlines-heading" class="mb-4" data-testid="procedure-deadlines">
      <h2 id="deadlines-heading" class="h4">
        {t('procedures.deadlines.title')}
      </h2>
      <LoadState error={counts.error} ready={!!counts.data}>
        {() => {
          const data = counts.data!;
          const rows = data.items.filter((c) => c.open);
          return (
            <>
              <p data-testid="procedure-deadlines-summary">
                {t('procedures.deadlines.summary', {
                  overdue: t('procedures.deadlines.overdueCount', { count: data.overdue, n: formatNumber(data.overdue, lang) }),
                  dueSoon: t('procedures.deadlines.dueSoonCount', { count: data.due_soon, n: formatNumber(data.due_soon, lang) }),
                })}
              </p>
              {rows.length ? (
                <div class="table-responsive" tabIndex={0} role="region" aria-label={t('procedures.deadlines.title')}>
                  <table class="table table-sm">
                    <caption class="visually-hidden">{t('procedures.deadlines.title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('procedures.procedure')}</th>
                        <th scope="col" class="text-end">
                          {t('procedures.deadlines.open')}
                        </th>
                        {(['overdue', 'due_soon', 'suspended'] as const).map((state) => (
                          <th scope="col" class="text-end" key={state}>
                            {t(`procedures.states.${state}`)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((c) => (
                        <tr key={c.procedure.id} data-procedure={c.procedure.code}>
                          <th scope="row" class="fw-normal text-wrap">
                            <Label of={c.procedure} />
                          </th>
                          <td class="text-end" data-count="open">
                            {formatNumber(c.open, lang)}
                          </td>
                          {(['overdue', 'due_soon', 'suspended'] as const).map((state) => (
                            <td class="text-end" data-count={state} key={state}>
                              {number(c[state], `/procedure-files?procedure_id=${c.procedure.id}&state=${state}`, t(labelKey[state], { count: c[state], n: formatNumber(c[state], lang), procedure: c.procedure.label }))}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
