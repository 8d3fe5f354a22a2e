// Where the procedures slow down (issue 13 point 3; decision 0044): for a period and one procedure
// or all, per step the files that entered it, the days they stayed (median and 90th percentile),
// the files in it now and those past their legal term; per procedure the monthly trend of open
// and late files, as a chart with its table. Aggregates only: the server sends no name and, to
// an analyst, no count of fewer than min_group files (shown as "fewer than 5").
import i18next from 'i18next';
import { useEffect, useRef } from 'preact/hooks';
import { FilterBar, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { HeaderRow, useTableFilter } from '../../components/useTableFilter';
import { LoadState, SelectField, TextField } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatNumber, intlLocale } from '../../lib/numbers';
import { setQuery } from '../../lib/router';
import { useData } from '../../lib/useData';
import { type Analytics, analyticsApi, type ProcedureFigures, type StepFigures } from './api';

// Okabe-Ito, as the occupancy chart: told apart with any colour vision; the late line is dashed too.
const OPEN_COLOUR = '#0072B2';
const LATE_COLOUR = '#D55E00';

type SortKey = 'position' | 'step' | 'office' | 'entered' | 'median' | 'p90' | 'backlog' | 'late';

export function ProcedureAnalytics() {
  const { t, lang } = useT();
  const title = t('procedureAnalytics.title');
  usePageTitle(title);
  const filters = useFilters(['from', 'to', 'procedure_id'] as const);
  const catalogue = useData(() => analyticsApi.catalogue(), []);
  const { data, error } = useData(() => analyticsApi.get(filters.values), [filters.key]);
  const procedures = (catalogue.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1} class="mb-3">
        {title}
      </h1>
      <p class="text-muted">{t('procedureAnalytics.intro')}</p>
      <FilterBar
        label={t('procedureAnalytics.filters')}
        onApply={() => setQuery({ ...filters.inputs })}
        resetHref="/procedures/analytics"
        active={filters.active}
        buttonsClass="col-12 col-lg-3"
      >
        <div class="col-12 col-md-6 col-lg-3">
          <TextField id="analytics-from" label={t('procedureAnalytics.from')} type="date" value={filters.inputs.from} onValue={filters.setter('from')} />
        </div>
        <div class="col-12 col-md-6 col-lg-3">
          <TextField id="analytics-to" label={t('procedureAnalytics.to')} type="date" value={filters.inputs.to} onValue={filters.setter('to')} />
        </div>
        <div class="col-12 col-lg-3">
          <SelectField
            id="analytics-procedure"
            label={t('procedureAnalytics.procedure')}
            empty={t('procedureAnalytics.allProcedures')}
            options={procedures}
            value={filters.inputs.procedure_id}
            onValue={filters.setter('procedure_id')}
          />
        </div>
      </FilterBar>
      <LoadState error={error} ready={!!data}>
        {() => (data ? <Figures data={data} query={filters.values} lang={lang} /> : null)}
      </LoadState>
    </div>
  );
}

function Figures({ data, query, lang }: { data: Analytics; query: Record<string, string>; lang: string }) {
  const { t } = useT();
  return (
    <>
      <p data-testid="analytics-period">
        {t('procedureAnalytics.period', { from: formatDay(data.from, lang), to: formatDay(data.to, lang), today: formatDay(data.today, lang) })}
      </p>
      <p class="small text-muted">{t('procedureAnalytics.howCounted')}</p>
      {data.min_group !== null ? (
        <p class="small text-muted" data-testid="analytics-small-groups">
          {t('procedureAnalytics.smallGroups', { count: data.min_group })}
        </p>
      ) : null}
      <div class="d-flex flex-wrap gap-2 mb-4" role="group" aria-label={t('procedureAnalytics.downloads')}>
        <a href={analyticsApi.file(query, 'csv', lang)} download class="btn btn-outline-primary btn-sm" data-testid="analytics-csv">
          {t('procedureAnalytics.downloadCsv')}
        </a>
        <a href={analyticsApi.file(query, 'xlsx', lang)} download class="btn btn-outline-primary btn-sm" data-testid="analytics-xlsx">
          {t('procedureAnalytics.downloadXlsx')}
        </a>
      </div>
      {data.procedures.map((p) => (
        <section key={p.id} class="mb-5" aria-labelledby={`procedure-${p.id}`} data-testid="analytics-procedure">
          <h2 id={`procedure-${p.id}`} class="h4">
            {p.name}
          </h2>
          <StepTable procedure={p} minGroup={data.min_group} />
          <TrendChart procedure={p} minGroup={data.min_group} />
        </section>
      ))}
    </>
  );
}

/** A count as shown: a hidden one (null) as "fewer than N". */
function useCount(minGroup: number | null) {
  const { t, lang } = useT();
  return (n: number | null) => (n === null ? <span class="text-muted">{t('procedureAnalytics.fewerThan', { count: minGroup ?? 0 })}</span> : formatNumber(n, lang));
}

function StepTable({ procedure, minGroup }: { procedure: ProcedureFigures; minGroup: number | null }) {
  const { t, lang } = useT();
  const count = useCount(minGroup);
  const days = (n: number | null, stays: number | null) =>
    n !== null ? t('procedureAnalytics.days', { count: n, n: formatNumber(n, lang) }) : stays === 0 ? '—' : count(null);
  // Hidden counts sort below zero; steps keep the catalogue's order until a column is chosen.
  const v = (n: number | null) => n ?? -1;
  const table = useTableFilter<StepFigures, SortKey>(procedure.steps, {
    text: (s) => s.name,
    sortKeys: {
      position: (s) => s.position,
      step: (s) => s.name,
      office: (s) => s.office,
      entered: (s) => v(s.entered),
      median: (s) => v(s.median_days),
      p90: (s) => v(s.p90_days),
      backlog: (s) => v(s.backlog),
      late: (s) => v(s.past_deadline),
    },
    initial: { key: 'position', direction: 'ascending' },
  });
  return (
    <TableRegion label={t('procedureAnalytics.stepsOf', { procedure: procedure.name })} testId="analytics-steps">
      <thead>
        <HeaderRow<SortKey>
          table={table}
          columns={[
            { label: t('procedureAnalytics.step'), sort: 'step' },
            { label: t('procedureAnalytics.office'), sort: 'office' },
            { label: t('procedureAnalytics.entered'), sort: 'entered' },
            { label: t('procedureAnalytics.median'), sort: 'median' },
            { label: t('procedureAnalytics.p90'), sort: 'p90' },
            { label: t('procedureAnalytics.backlog'), sort: 'backlog' },
            { label: t('procedureAnalytics.pastDeadline'), sort: 'late' },
          ]}
        />
      </thead>
      <tbody>
        {table.rows.map((s) => (
          <tr key={s.code}>
            <th scope="row" class="fw-normal">
              {s.name}
            </th>
            <td>{s.office}</td>
            <td>{count(s.entered)}</td>
            <td>{days(s.median_days, s.stays)}</td>
            <td>{days(s.p90_days, s.stays)}</td>
            <td>{count(s.backlog)}</td>
            <td>{count(s.past_deadline)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

function TrendChart({ procedure, minGroup }: { procedure: ProcedureFigures; minGroup: number | null }) {
  const { t, lang } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const count = useCount(minGroup);
  const hidden = t('procedureAnalytics.fewerThan', { count: minGroup ?? 0 });
  const points = procedure.trend;
  const last = points[points.length - 1];
  const summary = last
    ? t('procedureAnalytics.trendSummary', {
        procedure: procedure.name,
        from: formatDay(points[0].on, lang),
        to: formatDay(last.on, lang),
        open: last.open === null ? hidden : formatNumber(last.open, lang),
        late: last.past_deadline === null ? hidden : formatNumber(last.past_deadline, lang),
      })
    : '';

  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let live = true;
    const rtl = i18next.dir(lang) === 'rtl';
    import('chart.js').then((m) => {
      if (!live || !canvas.current) return;
      const { Chart, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip } = m;
      Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
      const monthLabel = new Intl.DateTimeFormat(intlLocale(lang), { month: 'short', year: '2-digit' });
      chart = new Chart(canvas.current, {
        type: 'line',
        data: {
          labels: points.map((p) => monthLabel.format(new Date(`${p.on}T12:00:00`))),
          datasets: [
            { label: t('procedureAnalytics.open'), data: points.map((p) => p.open), borderColor: OPEN_COLOUR, backgroundColor: OPEN_COLOUR, borderWidth: 2, spanGaps: false },
            {
              label: t('procedureAnalytics.pastDeadline'),
              data: points.map((p) => p.past_deadline),
              borderColor: LATE_COLOUR,
              backgroundColor: LATE_COLOUR,
              borderDash: [6, 4],
              borderWidth: 2,
              spanGaps: false,
            },
          ],
        },
        options: {
          locale: intlLocale(lang),
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          layout: { padding: { left: 16, right: 16 } },
          interaction: { mode: 'index', intersect: false },
          plugins: { legend: { rtl, position: 'bottom' }, tooltip: { rtl } },
          scales: {
            x: { reverse: rtl, ticks: { autoSkip: true, maxTicksLimit: 12 } },
            y: { beginAtZero: true, position: rtl ? 'right' : 'left', ticks: { precision: 0 } },
          },
        },
      });
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [points, lang]);

  if (!points.length) return null;
  return (
    <figure class="analytics-chart mb-0" data-testid="analytics-trend">
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
      <figcaption class="mt-2 small">{summary}</figcaption>
      <details class="mt-2">
        <summary>{t('procedureAnalytics.showTable')}</summary>
        <TableRegion label={t('procedureAnalytics.trendOf', { procedure: procedure.name })} small>
          <thead>
            <tr>
              <th scope="col">{t('procedureAnalytics.on')}</th>
              <th scope="col">{t('procedureAnalytics.open')}</th>
              <th scope="col">{t('procedureAnalytics.pastDeadline')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.on}>
                <th scope="row" class="fw-normal">
                  {formatDay(p.on, lang)}
                </th>
                <td>{count(p.open)}</td>
                <td>{count(p.past_deadline)}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      </details>
    </figure>
  );
}
