// The public's feedback per service (decision 0038): answers, share that found it helpful, mean
// quality (of those who rated), and the same by the reader's language. Counts only: nothing says
// who answered.
import { usePageTitle } from '../../components/PageTitle';
import { Pagination, ResultsSummary } from '../../components/Pagination';
import { TableRegion } from '../../components/TableRegion';
import { LoadState } from '../../components/forms';
import { PER_PAGE, pageParam, useList } from '../../components/useList';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { Link, useLocation } from '../../lib/router';
import { LANGUAGE_NAMES, directoryApi } from './api';

export function FeedbackPage() {
  const { t, lang } = useT();
  usePageTitle(t('directory.feedback.title'));
  const page = pageParam(useLocation().query);
  const list = useList(() => directoryApi.feedback({ page, per_page: PER_PAGE }), String(page));
  const share = (n: number | null) => (n === null ? '—' : `${formatNumber(Math.round(n * 100), lang)}%`);
  const mean = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n));
  return (
    <>
      <h1 id="main-heading" tabIndex={-1}>
        {t('directory.feedback.title')}
      </h1>
      <p class="lead">{t('directory.feedback.intro')}</p>
      <LoadState error={list.error} ready={list.data !== null}>
        {() => (
          <>
            <ResultsSummary page={page} perPage={PER_PAGE} total={list.data!.total} />
            <TableRegion label={t('directory.feedback.caption')} captionHidden testId="directory-feedback">
              <thead>
                <tr>
                  <th scope="col">{t('directory.columns.name')}</th>
                  <th scope="col">{t('directory.feedback.answers')}</th>
                  <th scope="col">{t('directory.feedback.helped')}</th>
                  <th scope="col">{t('directory.feedback.quality')}</th>
                  <th scope="col">{t('directory.feedback.byLanguage')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data!.items.map((f) => (
                  <tr key={f.service.id}>
                    <th scope="row">
                      <Link href={`/directory/services/${f.service.id}`}>{f.service.name}</Link>
                    </th>
                    <td>{formatNumber(f.total.count, lang)}</td>
                    <td>{share(f.total.helped_share)}</td>
                    <td>{mean(f.total.mean_quality)}</td>
                    <td>
                      {f.by_language
                        .map((l) => `${l.language ? ((LANGUAGE_NAMES as readonly string[]).includes(l.language) ? t(`directory.languages.${l.language}`) : l.language) : t('directory.feedback.noLanguage')}: ${formatNumber(l.count, lang)} (${share(l.helped_share)})`)
                        .join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
            <Pagination page={page} perPage={PER_PAGE} total={list.data!.total} />
          </>
        )}
      </LoadState>
    </>
  );
}
