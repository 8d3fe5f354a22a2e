import { Icon } from '../components/Icon';
import { OfficerWork } from '../features/overview/index';
import { usePageTitle } from '../components/PageTitle';
import { useT } from '../lib/i18n';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { visibleAreas } from './nav';

export function Home() {
  const { t } = useT();
  const { user, can } = useSession();
  usePageTitle(t('nav.home'));
  const role = t(`roles.${user.role}.name`);
  const cards = visibleAreas(can).filter((a) => a.path !== '/home');
  return (
    <div data-testid="home" data-role={user.role}>
      <h1 id="main-heading" tabIndex={-1}>
        {t('home.greeting', { name: user.display_name })}
      </h1>
      <p class="lead" data-testid="home-context">
        {t('home.context', { organization: user.organization.name, role })}
      </p>
      <section class="role-callout my-5" aria-labelledby="role-heading">
        <h2 id="role-heading" class="h4">
          {t('home.roleHeading', { role })}
        </h2>
        <p class="mb-0" data-testid="role-description">
          {t(`roles.${user.role}.description`)}
        </p>
      </section>
      {can('overview.read') ? <OfficerWork /> : null}
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading" class="h4 mb-4">
          {t('home.areasHeading')}
        </h2>
        <ul class="row list-unstyled g-4" data-testid="home-cards">
          {cards.map((a) => (
            <li class="col-12 col-md-6 col-lg-4" key={a.path}>
              <div class="area-card h-100">
                <div class="area-card-body">
                  <div class="d-flex align-items-center mb-3">
                    <Icon name={a.icon} class="icon-primary me-2" />
                    <h3 class="h5 mb-0">
                      <Link href={a.path} class="stretched-link" data-card={a.path}>
                        {t(a.labelKey)}
                      </Link>
                    </h3>
                  </div>
                  <p class="mb-0">{t(a.descriptionKey)}</p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
