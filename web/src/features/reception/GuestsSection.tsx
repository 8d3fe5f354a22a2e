// On the centre page: the guests present, and the place, transfer and exit actions.
import { Icon } from '../../components/Icon';
import { TableRegion } from '../../components/TableRegion';
import { LoadState, Notice, TextField } from '../../components/forms';
import { HeaderRow, useTableFilter } from '../../components/useTableFilter';
import { useActionPanel } from '../../components/useActionPanel';
import { nationality } from '../../lib/countries';
import { formatDay } from '../../lib/dates';
import { type Msg, useT } from '../../lib/i18n';
import { Link, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { CATEGORIES, type Category, type Centre } from '../centres/index';
import { personName } from '../people/index';
import { ExitForm } from './ExitForm';
import { ExtendSectionForm } from './ExtendSectionForm';
import { PlaceForm } from './PlaceForm';
import { TransferForm } from './TransferForm';
import { type Guest, receptionApi } from './api';

export type GuestAction = { kind: 'transfer' | 'exit' | 'extend'; guest: Guest } | { kind: 'place'; category?: Category } | null;

/** `notice`: the outcome of the last placement, transfer or exit, shown above the guests it changed. */
export function GuestsSection({ centre, version, notice, onChanged }: { centre: Centre; version: number; notice: Msg | null; onChanged: (text: Msg) => void }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const manage = can('placements.manage');
  const { data: guests, error } = useData(async () => (await receptionApi.guests(centre.id)).items, [centre.id, version], { keepPrevious: true });
  // ?place=<category>: the placement desk sent the officer here to place a family in that category.
  const placeIn = CATEGORIES.find((c) => c === useLocation().query.get('place'));
  const { action, open, close, finish } = useActionPanel<GuestAction>(manage && placeIn ? { kind: 'place', category: placeIn } : null);
  const table = useTableFilter(guests, {
    text: (g) => personName(g.person),
    sortKeys: { name: (g) => personName(g.person), since: (g) => g.start_date },
  });
  const personLinks = can('persons.read');
  const done = (text: Msg) => {
    onChanged(text);
    finish('guests-heading');
  };

  return (
    <section aria-labelledby="guests-heading" class="mb-5">
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-3">
        <h2 id="guests-heading" class="h3 mb-0" tabIndex={-1}>
          {t('centre.guestsHeading')}
        </h2>
        {manage && action?.kind !== 'place' ? (
          <button type="button" class="btn btn-primary" data-testid="place-open" onClick={(e) => open({ kind: 'place' }, e)}>
            <Icon name="plus" class="icon-white icon-sm me-1" />
            {t('placements.place')}
          </button>
        ) : null}
      </div>
      <div aria-live="polite" data-testid="centre-notice">
        {notice ? <Notice kind="success">{notice(t)}</Notice> : null}
      </div>
      {action?.kind === 'place' ? <PlaceForm centre={centre} initialCategory={action.category} onCancel={close} onDone={done} /> : null}
      <LoadState error={error} ready={!!guests}>
        {() =>
          guests && (
            <>
              <p>{t('centre.guestsCount', { n: guests.length })}</p>
              {guests.length ? (
                <div class="row">
                  <div class="col-12 col-md-6">
                    <TextField id="guest-filter" label={t('placements.guestsFilter')} type="search" value={table.query} onValue={table.setQuery} />
                  </div>
                </div>
              ) : null}
              {guests.length ? (
                <TableRegion label={t('centre.guestsHeading')} captionHidden testId="guest-table">
                  <thead>
                    <HeaderRow table={table} actions={manage} columns={[{ sort: 'name', label: t('persons.name') }, { label: t('persons.nationality') }, { label: t('placements.category') }, { sort: 'since', label: t('placements.since') }, { label: t('placements.arrivalFrom') }]} />
                  </thead>
                  <tbody>
                    {table.rows.map((g) => (
                      <tr key={g.id} data-person={g.person_id}>
                        <th scope="row" class="fw-normal">
                          {personLinks ? (
                            <Link href={`/persons/${g.person_id}`}>
                              <bdi>{personName(g.person)}</bdi>
                            </Link>
                          ) : (
                            <bdi>{personName(g.person)}</bdi>
                          )}
                        </th>
                        <td>{nationality(g.person.nationality, lang, t)}</td>
                        <td>
                          {t(`categories.${g.category}`)}
                          <MinorBadge guest={g} />
                        </td>
                        <td>{formatDay(g.start_date, lang)}</td>
                        <td>{t(`arrivalOrigins.${g.arrival_from}`, { defaultValue: g.arrival_from })}</td>
                        {manage ? (
                          <td class="text-end">
                            <div class="d-flex flex-wrap gap-1 justify-content-end">
                              <button
                                type="button"
                                class="btn btn-outline-primary btn-xs"
                                data-testid="guest-transfer"
                                onClick={(e) => open({ kind: 'transfer', guest: g }, e)}
                              >
                                {t('placements.transfer')}
                                <span class="visually-hidden"> {personName(g.person)}</span>
                              </button>
                              <button
                                type="button"
                                class="btn btn-outline-primary btn-xs"
                                data-testid="guest-exit"
                                onClick={(e) => open({ kind: 'exit', guest: g }, e)}
                              >
                                {t('placements.exit')}
                                <span class="visually-hidden"> {personName(g.person)}</span>
                              </button>
                              {g.section_days_left !== null && can('placements.override') ? (
                                <button
                                  type="button"
                                  class="btn btn-outline-primary btn-xs"
                                  data-testid="guest-extend"
                                  onClick={(e) => open({ kind: 'extend', guest: g }, e)}
                                >
                                  {t('placements.minor.extend')}
                                  <span class="visually-hidden"> {personName(g.person)}</span>
                                </button>
                              ) : null}
                            </div>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </TableRegion>
              ) : null}
            </>
          )
        }
      </LoadState>
      {action?.kind === 'transfer' ? (
        <TransferForm key={`t${action.guest.id}`} centre={centre} guest={action.guest} family={relatives(action.guest, guests)} onCancel={close} onDone={done} />
      ) : null}
      {action?.kind === 'extend' ? <ExtendSectionForm key={`x${action.guest.id}`} guest={action.guest} onCancel={close} onDone={done} /> : null}
      {action?.kind === 'exit' ? <ExitForm key={`e${action.guest.id}`} centreName={centre.name} guest={action.guest} family={relatives(action.guest, guests)} onCancel={close} onDone={done} /> : null}
    </section>
  );
}

/** The other guests of the centre in the same family group as `guest`. */
export function relatives(guest: Guest, guests: Guest[] | null): Guest[] {
  const group = guest.person.family_group_id;
  if (!group || !guests) return [];
  return guests.filter((g) => g.person_id !== guest.person_id && g.person.family_group_id === group);
}

/** An unaccompanied minor, and in an adult centre's section the days left of the limit (decision 0020). */
function MinorBadge({ guest }: { guest: Guest }) {
  const { t } = useT();
  if (!guest.unaccompanied_minor) return null;
  const left = guest.section_days_left;
  const warn = left !== null && left <= 10;
  return (
    <div class="d-flex flex-wrap gap-1 mt-1" data-testid="minor-badge">
      <span class="badge bg-primary">{t('placements.minor.badge')}</span>
      {left !== null ? (
        <span class={`badge ${warn ? 'bg-danger' : 'bg-secondary'}`} data-days-left={left}>
          {left >= 0 ? t('placements.minor.daysLeft', { count: left }) : t('placements.minor.overLimit', { count: -left })}
        </span>
      ) : null}
    </div>
  );
}
