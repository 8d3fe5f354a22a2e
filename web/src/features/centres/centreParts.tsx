// Pieces shared by the reception pages: status and flag badges, the occupancy chart.
import i18next from 'i18next';
import { useEffect, useRef } from 'preact/hooks';
import { TableRegion } from '../../components/TableRegion';
import { formatDay } from '../../lib/dates';
import { intlLocale } from '../../lib/numbers';
import { useT } from '../../lib/i18n';
import { CATEGORIES, type OccupancySeries } from './api';

const STATUS_CLASS: Record<string, string> = {
  active: 'bg-success',
  suspended: 'bg-warning text-dark',
  closed: 'bg-secondary',
  special_administration: 'bg-dark',
};

/** The status of a centre, in words (the colour only repeats it). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useT();
  return <span class={`badge ${STATUS_CLASS[status] ?? 'bg-secondary'}`}>{t(`centreStatuses.${status}`, { defaultValue: status })}</span>;
}

export function FlagBadges({ over, under }: { over: boolean; under: boolean }) {
  const { t } = useT();
  if (!over && !under) return <span class="text-muted">{t('occupancy.noFlags')}</span>;
  return (
    <span class="d-inline-flex flex-wrap gap-1">
      {over ? (
        <span class="badge bg-danger" data-flag="over_capacity">
          {t('occupancy.overCapacity')}
        </span>
      ) : null}
      {under ? (
        <span class="badge bg-warning text-dark" data-flag="under_use">
          {t('occupancy.underUse')}
        </span>
      ) : null}
    </span>
  );
}

// Distinguishable colours (Okabe-Ito), in category order, and the places line.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];
const PLACES_COLOUR = '#1a1a1a';
const CONTRACT_COLOUR = '#7a5300';
// Capacity with places above contract: dark teal, apart from the contract's brown.
const DEROGATED_COLOUR = '#00676b';

/**
 * Daily guests per category as stacked bars, with the centre's places (and the contract's, when
 * there is one) as lines. Screen readers get the summary as the canvas's name; the numbers are
 * in a table below, collapsed by default.
 */
export function OccupancyChart({ series }: { series: OccupancySeries }) {
  const { t, lang } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const items = series.items;
  const last = items[items.length - 1];
  const peak = items.reduce((best, d) => (d.total > best.total ? d : best), items[0] ?? { total: 0, day: '' });
  const hasContract = items.some((d) => d.contract_places !== null);
  const hasDerogations = items.some((d) => d.derogated_places.total > 0);
  const summary = last
    ? t('centre.chart.summary', {
        from: formatDay(series.from, lang),
        to: formatDay(series.to, lang),
        guests: last.total,
        places: series.places.total,
        peak: peak.total,
        peakDay: formatDay(peak.day, lang),
      })
    : t('centre.chart.empty');

  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let live = true;
    // From the language, not the document: the page's direction changes just after the language.
    const rtl = i18next.dir(lang) === 'rtl';
    import('chart.js').then((m) => {
      if (!live || !canvas.current) return;
      const { Chart, BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip } = m;
      Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
      const dayLabel = new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'short' });
      const labels = items.map((d) => dayLabel.format(new Date(`${d.day}T12:00:00`)));
      const datasets: object[] = CATEGORIES.map((c, i) => ({
        type: 'bar',
        label: t(`categories.${c}`),
        data: items.map((d) => d[c]),
        backgroundColor: COLOURS[i],
        stack: 'guests',
        order: 2,
      }));
      datasets.push({
        type: 'line',
        label: t('centre.chart.places'),
        data: items.map(() => series.places.total),
        borderColor: PLACES_COLOUR,
        borderWidth: 2,
        pointRadius: 0,
        order: 1,
        // A stack of its own: the y axis stacks the category bars, never the lines on each other
        // (a 62-place contract drawn at 124 on top of the places line).
        stack: 'places',
      });
      if (hasDerogations) {
        // Places above contract, drawn on top of the centre's own: the capacity of each day.
        datasets.push({
          type: 'line',
          label: t('centre.chart.withDerogations'),
          data: items.map((d) => series.places.total + d.derogated_places.total),
          borderColor: DEROGATED_COLOUR,
          borderDash: [2, 3],
          borderWidth: 2,
          pointRadius: 0,
          order: 1,
          stack: 'derogated',
        });
      }
      if (hasContract) {
        datasets.push({
          type: 'line',
          label: t('centre.chart.contractPlaces'),
          data: items.map((d) => d.contract_places),
          borderColor: CONTRACT_COLOUR,
          borderDash: [6, 4],
          borderWidth: 2,
          pointRadius: 0,
          order: 1,
          stack: 'contract',
        });
      }
      chart = new Chart(canvas.current, {
        type: 'bar',
        data: { labels, datasets } as never,
        options: {
          locale: intlLocale(lang),
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          // Room for the first and last day labels, which the reversed (right-to-left) axis puts at the edges.
          layout: { padding: { left: 24, right: 24 } },
          interaction: { mode: 'index', intersect: false },
          plugins: {
            legend: { rtl, position: 'bottom' },
            tooltip: { rtl },
          },
          scales: {
            x: { stacked: true, reverse: rtl, ticks: { autoSkip: true, maxTicksLimit: 12 } },
            y: { stacked: true, beginAtZero: true, position: rtl ? 'right' : 'left', ticks: { precision: 0 } },
          },
        },
      });
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [series, lang]);

  return (
    <figure class="occupancy-chart mb-0" data-testid="occupancy-chart">
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
      <figcaption class="mt-2">{summary}</figcaption>
      {items.length ? (
        <details class="mt-2">
          <summary>{t('centre.chart.showTable')}</summary>
          <TableRegion label={t('centre.chart.tableCaption')} small>
            <thead>
              <tr>
                <th scope="col">{t('centre.chart.day')}</th>
                {CATEGORIES.map((c) => (
                  <th scope="col" class="text-end" key={c}>
                    {t(`categories.${c}`)}
                  </th>
                ))}
                <th scope="col" class="text-end">
                  {t('occupancy.guests')}
                </th>
                <th scope="col" class="text-end">
                  {t('centre.chart.places')}
                </th>
                {hasDerogations ? (
                  <th scope="col" class="text-end">
                    {t('centre.chart.derogatedPlaces')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items
                .slice()
                .reverse()
                .map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{formatDay(d.day, lang)}</th>
                    {CATEGORIES.map((c) => (
                      <td class="text-end" key={c}>
                        {d[c]}
                      </td>
                    ))}
                    <td class="text-end">{d.total}</td>
                    <td class="text-end">{series.places.total}</td>
                    {hasDerogations ? <td class="text-end">{d.derogated_places.total}</td> : null}
                  </tr>
                ))}
            </tbody>
          </TableRegion>
        </details>
      ) : null}
    </figure>
  );
}
