// On the occupancy page: unaccompanied minors in adult centres' sections on the day, fewest days
// left of their limit first (decision 0020), for the Prefettura to see who is near or over it;
// searched by name or centre and sorted in the page, saved as CSV or XLSX by the server in the
// same order and with the same search (an Italian office's file, decision 0021).
import { TableRegion } from '../../components/TableRegion';
import { LoadState, TextField } from '../../components/forms';
import { HeaderRow, useTableFilter } from '../../components/useTableFilter';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { Downloads } from '../overview/index';
import { personName } from '../people/index';
import { receptionApi } from './api';

export function MinorsInSections({ date }: { date: string }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const { data, error } = useData(() => receptionApi.minorsInSections(date || undefined), [date]);
  const personLinks = can('persons.read');
  const table = useTableFilter(data?.items, {
    text: (m) => `${personName(m.person)} ${m.centre_name}`,
    sortKeys: {
      name: (m) => personName(m.person),
      centre: (m) => m.centre_name,
      age: (m) => m.age ?? -1,
      start_date: (m) => m.start_date,
      days_left: (m) => m.days_left,
    },
    initial: { key: 'days_left', direction: 'ascending' },
  });
  // The files hold what the table shows: the same words searched, the same order.
  const sort = table.sort ? `${table.sort.direction === 'descending' ? '-' : ''}${table.sort.key}` : null;
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
            <>
              <div class="row align-items-end">
                <div class="col-12 col-md-6">
                  <TextField id="minors-filter" label={t('placements.minor.search')} type="search" value={table.query} onValue={table.setQuery} />
                </div>
                <div class="col-12 col-md-6">
                  <Downloads path="/minors-in-sections" query={{ date: date || null, q: table.query.trim() || null, sort }} name="minors" label={t('placements.minor.downloads')} />
                </div>
              </div>
              <p aria-live="polite" data-testid="minors-count">
                {t('placements.minor.count', { count: table.rows.length })}
              </p>
            <TableRegion label={t('placements.minor.listHeading')} captionHidden testId="minors-table">
              <thead>
                <HeaderRow
                  table={table}
                  columns={[
                    { sort: 'name', label: t('persons.name') },
                    { sort: 'centre', label: t('placements.minor.centre') },
                    { sort: 'age', label: t('placements.minor.age') },
                    { sort: 'start_date', label: t('placements.since') },
                    { label: t('placements.minor.daysUsed') },
                    { sort: 'days_left', label: t('placements.minor.left') },
                  ]}
                />
              </thead>
              <tbody>
                {table.rows.map((m) => (
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
            </>
          ) : (
            <p>{t('placements.minor.listEmpty')}</p>
          ))
        }
      </LoadState>
    </section>
  );
}
