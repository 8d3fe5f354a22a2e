// On the centre page: guests against places over time, and on the last day the contract's places
// beside the places above contract (derogations), which are kept apart.
import { LoadState } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { useData } from '../../lib/useData';
import { centresApi } from './api';
import { OccupancyChart } from './centreParts';

export function OccupancySection({ id, version }: { id: number; version: number }) {
  const { t, lang } = useT();
  const { data: series, error } = useData(() => centresApi.series(id), [id, version], { keepPrevious: true });
  const last = series?.items[series.items.length - 1];
  return (
    <section aria-labelledby="occupancy-heading" class="mb-5">
      <h2 id="occupancy-heading" class="h3">
        {t('centre.occupancyHeading')}
      </h2>
      <LoadState error={error} ready={!!series}>
        {() =>
          series && (
            <>
              {last ? (
                <dl class="row mb-3" data-testid="occupancy-places">
                  <dt class="col-12 fw-normal text-muted">{t('centre.placesOn', { date: formatDay(last.day, lang) })}</dt>
                  <dt class="col-7 col-md-3">{t('centre.contractPlaces')}</dt>
                  <dd class="col-5 col-md-1 text-end" data-testid="contract-places">
                    {last.contract_places ?? t('centre.noContract')}
                  </dd>
                  <dt class="col-7 col-md-3">{t('centre.derogatedPlaces')}</dt>
                  <dd class="col-5 col-md-1 text-end" data-testid="derogated-places">
                    {last.derogated_places.total}
                  </dd>
                  <dt class="col-7 col-md-3">{t('centre.guestsOnDay')}</dt>
                  <dd class="col-5 col-md-1 text-end">{last.total}</dd>
                </dl>
              ) : null}
              <OccupancyChart series={series} />
            </>
          )
        }
      </LoadState>
    </section>
  );
}
