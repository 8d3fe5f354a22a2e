// /inspection-risk: the active centres ranked by risk (decision 0022), for those who plan
// inspections: each centre's score and the reasons behind it (a factor, its value and the points
// it gave, largest first), the last visit and the next one planned. Counts only: the answer names
// no guest. The top of the ranking is what the next visits are for; the rest on request.
import { useState } from 'preact/hooks';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { LoadState } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { type RiskReason, monitoringApi } from './api';

const FIRST_ROWS = 50;

/** Factors whose value is only a yes (never visited, over capacity): the label says it all. */
const WITHOUT_VALUE: RiskReason['factor'][] = ['never_visited', 'over_capacity'];

function Reason({ reason }: { reason: RiskReason }) {
  const { t, lang } = useT();
  return (
    <li data-factor={reason.factor}>
      {t(`risk.factors.${reason.factor}`)}
      {WITHOUT_VALUE.includes(reason.factor) ? null : <>: {formatNumber(reason.value, lang)}</>}{' '}
      <span class="badge bg-secondary">{t('risk.points', { points: formatNumber(reason.points, lang) })}</span>
    </li>
  );
}

export function RiskRanking() {
  const { t, lang } = useT();
  usePageTitle(t('risk.title'));
  const { data, error } = useData(() => monitoringApi.risk(), []);
  const [showAll, setShowAll] = useState(false);
  const items = data?.items ?? [];
  const shown = showAll ? items : items.slice(0, FIRST_ROWS);
  return (
    <div data-testid="risk-page">
      <h1 id="main-heading" tabIndex={-1}>
        {t('risk.title')}
      </h1>
      <p>{t('risk.intro')}</p>
      <LoadState error={error} ready={!!data}>
        {() => (
          <TableRegion label={t('risk.title')} captionHidden testId="risk-table">
            <thead>
              <tr>
                <th scope="col">{t('monitoring.centre')}</th>
                <th scope="col">{t('risk.score')}</th>
                <th scope="col">{t('risk.reasons')}</th>
                <th scope="col">{t('risk.lastVisit')}</th>
                <th scope="col">{t('risk.nextPlanned')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.centre_id} data-centre={c.centre_id}>
                  <th scope="row" class="fw-normal">
                    <Link href={`/inspections?centre_id=${c.centre_id}`}>
                      <bdi>{c.centre_name}</bdi>
                    </Link>
                  </th>
                  <td data-score={c.score}>{formatNumber(c.score, lang)}</td>
                  <td>
                    <ul class="list-unstyled mb-0 small">
                      {c.reasons.map((r) => (
                        <Reason key={r.factor} reason={r} />
                      ))}
                    </ul>
                  </td>
                  <td>{c.last_visit ? formatDay(c.last_visit, lang) : '—'}</td>
                  <td>{c.next_planned ? formatDay(c.next_planned, lang) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        )}
      </LoadState>
      {shown.length < items.length ? (
        <button type="button" class="btn btn-outline-primary" data-testid="risk-all" onClick={() => setShowAll(true)}>
          {t('risk.showAll', { count: items.length })}
        </button>
      ) : null}
    </div>
  );
}
