import { usePageTitle } from '../components/PageTitle';
import { useT } from '../lib/i18n';
import { Link } from '../lib/router';

export function NotFound() {
  const { t } = useT();
  usePageTitle(t('notFound.title'));
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1}>
        {t('notFound.title')}
      </h1>
      <p>{t('notFound.text')}</p>
      <Link href="/home" class="btn btn-primary">
        {t('common.backHome')}
      </Link>
    </div>
  );
}

export function Forbidden() {
  const { t } = useT();
  usePageTitle(t('forbidden.title'));
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1}>
        {t('forbidden.title')}
      </h1>
      <p>{t('forbidden.text')}</p>
      <Link href="/home" class="btn btn-primary">
        {t('common.backHome')}
      </Link>
    </div>
  );
}
