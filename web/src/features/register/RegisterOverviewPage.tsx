// /centres/:id/register: the last 30 days, one line each, and a day picker.
import { useState } from 'preact/hooks';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { LoadState, TextField } from '../../components/forms';
import { addDays, formatDay, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { useData } from '../../lib/useData';
import { registerApi } from './api';
import { BackToCentre, dayPath, DayStatusBadge } from './registerParts';

/** A date field that opens the register of the chosen day; days after today cannot be chosen. */
export function DayPicker({ id, initial }: { id: number; initial: string }) {
  const { t } = useT();
  const [day, setDay] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const max = today();
  return (
    <form
      class="row align-items-end no-print"
      data-testid="register-day-picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) setError(t('fieldErrors.required'));
        else if (day > max) setError(t('errors.future_date'));
        else {
          setError(undefined);
          navigate(dayPath(id, day));
        }
      }}
    >
      <div class="col-12 col-md-6">
        <TextField id="register-day" label={t('register.chooseDay')} type="date" max={max} value={day} onValue={setDay} error={error} />
      </div>
      <div class="col-12 col-md-6 mb-4">
        <button type="submit" class="btn btn-outline-primary">
          {t('register.openDay')}
        </button>
      </div>
    </form>
  );
}

/** /centres/:id/register: the last 30 days, one line each. */
export function RegisterOverviewPage({ id }: { id: number }) {
  const { t, lang } = useT();
  const { data: overview, error } = useData(() => registerApi.overview(id), [id]);
  usePageTitle(overview ? `${t('register.title')} · ${overview.centre.name}` : t('register.title'));
  return (
    <div data-testid="register-overview">
      <BackToCentre id={id} />
      <h1 id="main-heading" tabIndex={-1}>
        {t('register.title')}
      </h1>
      <LoadState error={error} ready={!!overview}>
        {() =>
          overview && (
            <>
              <p class="lead">
                <bdi>{overview.centre.name}</bdi>
              </p>
              <p>
                {t('register.totals', {
                  from: formatDay(overview.from, lang),
                  to: formatDay(overview.to, lang),
                  presence: overview.totals.presence_days,
                  absence: overview.totals.absence_days,
                  unconfirmed: overview.totals.unconfirmed,
                  changed: overview.totals.changed_since_confirmation,
                })}
              </p>
              <DayPicker id={id} initial={addDays(today(), -1)} />
              <TableRegion label={t('register.overviewCaption')} testId="register-days">
                <thead>
                  <tr>
                    <th scope="col">{t('register.day')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col" class="text-end">
                      {t('register.present')}
                    </th>
                    <th scope="col" class="text-end">
                      {t('register.absent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.items
                    .slice()
                    .reverse()
                    .map((d) => (
                      <tr key={d.day} data-day={d.day} data-status={d.status}>
                        <th scope="row" class="fw-normal">
                          <Link href={dayPath(id, d.day)}>{formatDay(d.day, lang)}</Link>
                        </th>
                        <td>
                          <DayStatusBadge status={d.status} />
                        </td>
                        <td class="text-end">{d.present}</td>
                        <td class="text-end">{d.absent}</td>
                      </tr>
                    ))}
                </tbody>
              </TableRegion>
            </>
          )
        }
      </LoadState>
    </div>
  );
}
