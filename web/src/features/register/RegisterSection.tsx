import { LoadState } from '../../components/forms';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { registerApi } from './api';

/** On the centre page: the days waiting for confirmation and the way to the register. */
export function RegisterSection({ id }: { id: number }) {
  const { t } = useT();
  const { data: overview, error } = useData(() => registerApi.overview(id), [id]);
  return (
    <section aria-labelledby="register-heading" class="mb-5" data-testid="register-section">
      <h2 id="register-heading" class="h3">
        {t('register.title')}
      </h2>
      <LoadState error={error} ready={!!overview}>
        {() =>
          overview && (
            <p>
              {t('register.sectionSummary', {
                unconfirmed: overview.totals.unconfirmed,
                changed: overview.totals.changed_since_confirmation,
              })}
            </p>
          )
        }
      </LoadState>
      <Link href={`/centres/${id}/register`} class="btn btn-outline-primary" data-testid="register-open">
        {t('register.open')}
      </Link>
    </section>
  );
}
