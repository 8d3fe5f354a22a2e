// On the occupancy page: unaccompanied minors in adult centres' sections on the day, fewest days
// left of their limit first (decision 0020), for the Prefettura to see who is near or over it.
import { TableRegion } from '../../components/TableRegion';
import { LoadState } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { personName } from '../people/index';
import { receptionApi } from './api';

export function MinorsInSections({ date }: { date: string }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const { data, error } = useData(() => receptionApi.minorsInSections(date || undefined), [date]);
  const personLinks = can('persons.read');
  return (
    <section aria-labelledby="minors-heading" class="mt-5" data-testid="minors-in-sections">
      <h2 id="minors-heading" class="h3">
        {t('placements.minor.listHeading')}
      </h2>
      <p class="text-muted">{t('placements.minor.listIntro')}</p>
      <LoadState error={error} ready={!!data}>
        {() =>
          data &&
          (data.items.length ? (
            <TableRegion label={t('placements.minor.listHeading')} captionHidden testId="minors-table">
              <thead>
                <tr>
                  <th scope="col">{t('persons.name')}</th>
                  <th scope="col">{t('placements.minor.centre')}</th>
                  <th scope="col" class="text-end">
                    {t('placements.minor.age')}
                  </th>
                  <th scope="col">{t('placements.since')}</th>
                  <th scope="col" class="text-end">
                    {t('placements.minor.daysUsed')}
                  </th>
                  <th scope="col">{t('placements.minor.left')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((m) => (
                  <tr key={m.id} data-person={m.person_id} data-days-left={m.days_left}>
                    <th scope="row" class="fw-normal">
                      {personLinks ? (
                        <Link href={`/persons/${m.person_id}`}>
                          <bdi>{personName(m.person)}</bdi>
                        </Link>
                      ) : (
                        <bdi>{personName(m.person)}</bdi>
                      )}
                    </th>
                    <td>
                      <Link href={`/centres/${m.centre_id}`}>
                        <bdi>{m.centre_name}</bdi>
                      </Link>
                    </td>
                    <td class="text-end">{m.age ?? t('placements.minor.ageUnknown')}</td>
                    <td>{formatDay(m.start_date, lang)}</td>
                    <td class="text-end">{t('placements.minor.usedOf', { used: m.days_used, limit: m.limit_days })}</td>
                    <td>
                      <span class={`badge ${m.days_left <= 10 ? 'bg-danger' : 'bg-secondary'}`}>
                        {m.days_left >= 0 ? t('placements.minor.daysLeft', { count: m.days_left }) : t('placements.minor.overLimit', { count: -m.days_left })}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          ) : (
            <p>{t('placements.minor.listEmpty')}</p>
          ))
        }
      </LoadState>
    </section>
  );
}
