// The deadline view above the files' list: for each procedure, how many files are past their due
// date and how many fall due within 10 days, each a link to those files. The API has no counts,
// so this asks the list for one file of each procedure and state and reads its total: two
// requests per procedure (fourteen for the seven of the catalogue), in parallel.
import { formatNumber } from '../../lib/numbers';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { LoadState } from '../../components/forms';
import { type Procedure, proceduresApi } from './api';

interface Counts {
  procedure: Procedure;
  overdue: number;
  dueSoon: number;
}

async function loadCounts(procedures: Procedure[]): Promise<Counts[]> {
  const total = async (procedure_id: number, state: 'overdue' | 'due_soon') => (await proceduresApi.list({ procedure_id, state, per_page: 1 })).total;
  return Promise.all(
    procedures.map(async (procedure) => {
      const [overdue, dueSoon] = await Promise.all([total(procedure.id, 'overdue'), total(procedure.id, 'due_soon')]);
      return { procedure, overdue, dueSoon };
    }),
  );
}

export function DeadlineSummary({ procedures }: { procedures: Procedure[] }) {
  const { t, lang } = useT();
  const counts = useData(() => loadCounts(procedures), [procedures]);
  const number = (n: number, href: string, label: string) =>
    n ? (
      <Link href={href}>
        <span aria-hidden="true">{formatNumber(n, lang)}</span>
        <span class="visually-hidden">{label}</span>
      </Link>
    ) : (
      formatNumber(0, lang)
    );
  return (
    <section aria-labelledby="deadlines-heading" class="mb-4" data-testid="procedure-deadlines">
      <h2 id="deadlines-heading" class="h4">
        {t('procedures.deadlines.title')}
      </h2>
      <LoadState error={counts.error} ready={!!counts.data}>
        {() => {
          const rows = (counts.data ?? []).filter((c) => c.overdue || c.dueSoon);
          const overdue = rows.reduce((n, c) => n + c.overdue, 0);
          const dueSoon = rows.reduce((n, c) => n + c.dueSoon, 0);
          return (
            <>
              <p>{t('procedures.deadlines.summary', { overdue: t('procedures.deadlines.overdueCount', { count: overdue, n: formatNumber(overdue, lang) }), dueSoon: t('procedures.deadlines.dueSoonCount', { count: dueSoon, n: formatNumber(dueSoon, lang) }) })}</p>
              {rows.length ? (
                <div class="table-responsive" tabIndex={0} role="region" aria-label={t('procedures.deadlines.title')}>
                  <table class="table table-sm">
                    <caption class="visually-hidden">{t('procedures.deadlines.title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('procedures.procedure')}</th>
                        <th scope="col" class="text-end">
                          {t('procedures.states.overdue')}
                        </th>
                        <th scope="col" class="text-end">
                          {t('procedures.states.due_soon')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((c) => (
                        <tr key={c.procedure.id} data-procedure={c.procedure.code}>
                          <th scope="row" class="fw-normal text-wrap">
                            <bdi lang="it">{c.procedure.name}</bdi>
                          </th>
                          <td class="text-end" data-count="overdue">
                            {number(c.overdue, `/procedure-files?procedure_id=${c.procedure.id}&state=overdue`, t('procedures.deadlines.overdueOf', { count: c.overdue, n: formatNumber(c.overdue, lang), procedure: c.procedure.name }))}
                          </td>
                          <td class="text-end" data-count="due_soon">
                            {number(c.dueSoon, `/procedure-files?procedure_id=${c.procedure.id}&state=due_soon`, t('procedures.deadlines.dueSoonOf', { count: c.dueSoon, n: formatNumber(c.dueSoon, lang), procedure: c.procedure.name }))}
                          </td>
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
