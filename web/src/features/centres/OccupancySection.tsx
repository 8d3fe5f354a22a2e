// On the centre page: guests against places over time.
import { LoadState } from '../../components/forms';
import { useT } from '../../lib/i18n';
import { useData } from '../../lib/useData';
import { centresApi } from './api';
import { OccupancyChart } from './centreParts';


export function OccupancySection({ id, version }: { id: number; version: number }) {
  const { t } = useT();
  const { data: series, error } = useData(() => centresApi.series(id), [id, version], { keepPrevious: true });
  return (
    <section aria-labelledby="occupancy-heading" class="mb-5">
      <h2 id="occupancy-heading" class="h3">
        {t('centre.occupancyHeading')}
      </h2>
      <LoadState error={error} ready={!!series}>
        {() => series && <OccupancyChart series={series} />}
      </LoadState>
    </section>
  );
}
