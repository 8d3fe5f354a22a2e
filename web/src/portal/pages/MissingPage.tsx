// An address the portal does not have.
import { Link } from '../../lib/router';
import { t, type PortalLang } from '../i18n';
import { usePageTitle } from '../parts';
import { homePath } from '../paths';

export function MissingPage({ lang }: { lang: PortalLang }) {
  usePageTitle(t('missing.title'));
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1} class="portal-h1">
        {t('missing.title')}
      </h1>
      <p>{t('missing.text')}</p>
      <Link href={homePath(lang)} class="btn btn-primary">
        {t('missing.home')}
      </Link>
    </div>
  );
}
