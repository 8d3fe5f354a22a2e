// On the centre page: what the centre is, where, its places, services and contacts.
import { useT } from '../../lib/i18n';
import { formatCoordinate } from '../../lib/numbers';
import { Municipality, useMunicipalities } from './municipalities';
import { CATEGORIES, type CentreDetail } from './api';


export function CentreDetails({ centre }: { centre: CentreDetail }) {
  const { t, lang } = useT();
  const municipalities = useMunicipalities();
  const row = (label: string, value: preact.ComponentChildren) => (
    <div class="col-12 col-md-6 mb-3">
      <dt class="fw-semibold">{label}</dt>
      <dd class="mb-0">{value}</dd>
    </div>
  );
  const none = <span class="text-muted">{t('common.none')}</span>;
  return (
    <section aria-labelledby="details-heading" class="mb-5">
      <h2 id="details-heading" class="h3">
        {t('centre.details')}
      </h2>
      <dl class="row">
        {row(t('centres.type'), t(`centreTypes.${centre.type}`, { defaultValue: centre.type }))}
        {row(t('centres.structure'), <span data-testid="centre-structure">{t(`centreStructures.${centre.structure}`)}</span>)}
        {row(t('centres.operator'), <bdi>{centre.operator_name}</bdi>)}
        {row(t('centres.address'), <bdi>{centre.address}</bdi>)}
        {row(t('centres.municipality'), <Municipality code={centre.istat_code} names={municipalities} />)}
        {row(
          t('centres.places'),
          <ul class="list-unstyled mb-0">
            {CATEGORIES.map((c) => (
              <li key={c}>
                {t(`categories.${c}`)}: {centre.places[c]}
              </li>
            ))}
            <li class="fw-semibold">
              {t('centres.placesTotal')}: {centre.places.total}
            </li>
          </ul>,
        )}
        {row(
          t('centres.services'),
          centre.services.length ? (
            <ul class="mb-0 ps-3">
              {centre.services.map((s) => (
                <li key={s}>{t(`centreServices.${s}`, { defaultValue: s })}</li>
              ))}
            </ul>
          ) : (
            none
          ),
        )}
        {row(
          t('centres.accessibility'),
          <>
            {centre.step_free_access ? t('centres.stepFreeYes') : t('centres.stepFreeNo')}
            {centre.accessibility_notes ? (
              <div>
                <bdi>{centre.accessibility_notes}</bdi>
              </div>
            ) : null}
          </>,
        )}
        {row(
          t('centres.coordinates'),
          centre.latitude !== null && centre.longitude !== null ? (
            <bdi dir="ltr" data-testid="centre-coordinates">
              {formatCoordinate(centre.latitude, lang)}; {formatCoordinate(centre.longitude, lang)}
            </bdi>
          ) : (
            none
          ),
        )}
        {row(
          t('centres.contact'),
          centre.contact_name || centre.contact_phone || centre.contact_email ? (
            <>
              {centre.contact_name ? (
                <div>
                  <bdi>{centre.contact_name}</bdi>
                </div>
              ) : null}
              {centre.contact_phone ? (
                <div>
                  <bdi dir="ltr">{centre.contact_phone}</bdi>
                </div>
              ) : null}
              {centre.contact_email ? (
                <div>
                  <bdi>{centre.contact_email}</bdi>
                </div>
              ) : null}
            </>
          ) : (
            none
          ),
        )}
      </dl>
    </section>
  );
}
