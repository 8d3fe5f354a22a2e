// /screening-timeliness: the timeliness indicator of issue 11 point 2, for the Prefettura's
// officers and for analysts: per month of arrival, how many arrivals were first screened within
// the term, late, or not yet. Counts only: the answer names no case and no person.
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { LoadState } from '../../components/forms';
import { formatMonth } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatNumber, intlLocale } from '../../lib/numbers';
import { useData } from '../../lib/useData';
import { screeningApi } from './api';

export function TimelinessPage() {
  const { t, lang } = useT();
  usePageTitle(t('screening.timeliness.title'));
  const { data, error } = useData(() => screeningApi.timeliness(), []);
  return (
    <div data-testid="timeliness-page">
      <h1 id="main-heading" tabIndex={-1}>
        {t('screening.timeliness.title')}
      </h1>
      <LoadState error={error} ready={!!data}>
        {() =>
          data && (
            <>
              <p class="lead">{t('screening.timeliness.intro', { count: data.first_due_days })}</p>
              <TableRegion label={t('screening.timeliness.title')} captionHidden testId="timeliness-table">
                <thead>
                  <tr>
                    <th scope="col">{t('screening.timeliness.month')}</th>
                    <th scope="col">{t('screening.timeliness.arrivals')}</th>
                    <th scope="col">{t('screening.timeliness.inTime')}</th>
                    <th scope="col">{t('screening.timeliness.late')}</th>
                    <th scope="col">{t('screening.timeliness.notScreened')}</th>
                    <th scope="col">{t('screening.timeliness.share')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data.items].reverse().map((m) => (
                    <tr key={m.month}>
                      <th scope="row" class="fw-normal">
                        {formatMonth(m.month, lang)}
                      </th>
                      <td>{formatNumber(m.arrivals, lang)}</td>
                      <td>{formatNumber(m.screened_in_time, lang)}</td>
                      <td>{formatNumber(m.screened_late, lang)}</td>
                      <td>{formatNumber(m.not_screened, lang)}</td>
                      <td>{m.arrivals ? new Intl.NumberFormat(intlLocale(lang), { style: 'percent' }).format(m.screened_in_time / m.arrivals) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </TableRegion>
            </>
          )
        }
      </LoadState>
    </div>
  );
}
