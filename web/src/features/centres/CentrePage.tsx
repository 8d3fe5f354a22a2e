// /centres/:id: the centre, with a section per feature the user may see (guests, register, costs, contracts).
import { useState } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import { usePageTitle } from '../../components/PageTitle';
import { useFlash } from '../../components/flash';
import { LoadState, Notice } from '../../components/forms';
import { today } from '../../lib/dates';
import { type Msg, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { CostsSection } from '../costs/index';
import { GuestsSection } from '../reception/index';
import { RegisterSection } from '../register/index';
import { CentreDetails } from './CentreDetails';
import { ContractsSection } from './ContractsSection';
import { DerogationsSection } from './DerogationsSection';
import { OccupancySection } from './OccupancySection';
import { centresApi } from './api';
import { StatusBadge } from './centreParts';

export function CentrePage({ id }: { id: number }) {
  const { t } = useT();
  const { can } = useSession();
  const message = useFlash();
  const { data: centre, error } = useData(() => centresApi.getCentre(id), [id]);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<Msg | null>(null);
  usePageTitle(centre?.name ?? t('centre.title'));

  /** After a placement operation: reload guests and chart, announce the outcome. */
  const changed = (text: Msg) => {
    setNotice(() => text);
    setVersion((v) => v + 1);
  };

  return (
    <div>
      <Link href="/centres" class="back-link d-inline-flex align-items-center mb-3">
        <Icon name="chevron-left" class="icon-primary icon-sm" directional />
        {t('centres.backToList')}
      </Link>
      <LoadState error={error} ready={!!centre}>
        {() =>
          centre && (
            <div data-testid="centre-page" data-centre-id={centre.id}>
              <div class="d-flex flex-wrap align-items-center gap-3 mb-4">
                <h1 id="main-heading" tabIndex={-1} class="mb-0">
                  <bdi>{centre.name}</bdi>
                </h1>
                <StatusBadge status={centre.status} />
                <div class="d-flex flex-wrap gap-2 ms-auto">
                  {can('register.read') ? (
                    // The daily register, from the top of the page (it was a long scroll down).
                    <Link href={`/centres/${centre.id}/register/${today()}`} class="btn btn-primary btn-sm" data-testid="centre-register-today">
                      <Icon name="list" class="icon-white icon-sm me-1" />
                      {t('centre.registerToday')}
                    </Link>
                  ) : null}
                  {can('inspections.read') ? (
                    <Link href={`/inspections?centre_id=${centre.id}`} class="btn btn-outline-primary btn-sm" data-testid="centre-inspections">
                      {t('nav.inspections')}
                    </Link>
                  ) : null}
                  {can('centres.manage') ? (
                    <Link href={`/centres/${centre.id}/edit`} class="btn btn-outline-primary btn-sm" data-testid="centre-edit">
                      <Icon name="pencil" class="icon-primary icon-sm me-1" />
                      {t('centre.edit')}
                    </Link>
                  ) : null}
                </div>
              </div>
              {message ? <Notice kind="success">{message}</Notice> : null}
              <CentreDetails centre={centre} />
              {can('occupancy.read') ? <OccupancySection id={centre.id} version={version} /> : null}
              {can('placements.read') ? <GuestsSection centre={centre} version={version} notice={notice} onChanged={changed} /> : null}
              {can('register.read') ? <RegisterSection id={centre.id} /> : null}
              {can('costs.read') ? <CostsSection id={centre.id} /> : null}
              {can('contracts.read') ? <ContractsSection id={centre.id} /> : null}
              {can('centres.read') ? <DerogationsSection id={centre.id} centreName={centre.name} onChanged={() => setVersion((v) => v + 1)} /> : null}
            </div>
          )
        }
      </LoadState>
    </div>
  );
}
