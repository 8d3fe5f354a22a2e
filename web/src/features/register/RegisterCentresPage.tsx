// /register, from the menu: the centres whose register the operator's staff keep, each with the
// way to today's register and to the days waiting for confirmation. Before, the register was
// reached only through a centre's page, three steps for the task of every day.
import { usePageTitle } from '../../components/PageTitle';
import { LoadState } from '../../components/forms';
import { listAll } from '../../lib/api';
import { formatDay, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { registerApi } from './api';

export function RegisterCentresPage() {
  const { t, lang } = useT();
  const title = t('register.title');
  usePageTitle(title);
  // The server lists an operator's staff their own centres only.
  const { data: centres, error } = useData(() => listAll((page, per_page) => registerApi.centres(page, per_page)), []);
  const day = today();
  return (
    <div data-testid="register-centres">
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      <p>{t('register.centresIntro', { day: formatDay(day, lang) })}</p>
      <LoadState error={error} ready={!!centres}>
        {() =>
          centres &&
          (centres.length ? (
            <ul class="list-unstyled">
              {centres.map((c) => (
                <li key={c.id} class="mb-4" data-centre={c.id}>
                  <h2 class="h4">
                    <bdi>{c.name}</bdi>
                  </h2>
                  <div class="d-flex flex-wrap gap-2">
                    <Link href={`/centres/${c.id}/register/${day}`} class="btn btn-primary" data-testid="register-today">
                      {t('register.today')}
                      <span class="visually-hidden"> {c.name}</span>
                    </Link>
                    <Link href={`/centres/${c.id}/register`} class="btn btn-outline-primary">
                      {t('register.open')}
                      <span class="visually-hidden"> {c.name}</span>
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('register.noCentres')}</p>
          ))
        }
      </LoadState>
    </div>
  );
}
