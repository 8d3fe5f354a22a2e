import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useFlash } from '../components/flash';
import { plainRuleErrors } from '../errors';
import { ActionPanel, FormButtons } from '../components/ActionPanel';
import { EuroField, FormErrors, LoadState, Notice, SelectField, Spinner, TextAreaField, TextField } from '../components/forms';
import { Icon } from '../components/Icon';
import { usePageTitle } from '../components/PageTitle';
import type { FieldErrors } from '../components/useFormErrors';
import { useFormSubmit } from '../components/useFormSubmit';
import { useT, type TFunction } from '../i18n';
import {
  ARRIVAL_ORIGINS,
  CATEGORIES,
  EXIT_REASONS,
  euroToCents,
  formatDay,
  formatEuro,
  nationality,
  personName,
  reception,
  today,
  type Centre,
  type CentreOccupancy,
  type Contract,
  type Guest,
  type OccupancySeries,
  type Person,
} from '../reception';
import { Link } from '../router';
import { useSession } from '../session';
import { OccupancyChart, StatusBadge } from './centreParts';
import { Municipality, useMunicipalities } from './Centres';
import { CostsSection } from './Costs';
import { useContractManagers } from './contractManagers';
import { RegisterSection } from './Register';
import { PersonSearch } from '../components/PersonSearch';
import { TableRegion } from '../components/TableRegion';

/** A message kept as what to say, so it follows language changes. */
type Msg = (t: TFunction) => string;

/** Rule errors whose explanation the page gives itself: their English field reasons are dropped. */
const RULE_CODES = new Set([
  'centre_full',
  'centre_not_accepting',
  'placement_overlap',
  'not_placed',
  'before_arrival',
  'same_centre',
  'no_such_person',
  'no_such_centre',
  'future_date',
  'contract_overlap',
]);

const ruleErrors = <T,>(p: Promise<T>) => plainRuleErrors(p, RULE_CODES, { future_date: ['date'] });

/** Whether an answer asks for an override reason (the centre is full or not taking guests). */
const needsOverride = (e: unknown) => e instanceof ApiError && (e.code === 'centre_full' || e.code === 'centre_not_accepting');

export const categoryOptions = (t: TFunction) => CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }));

export function CentrePage({ id }: { id: number }) {
  const { t } = useT();
  const { can } = useSession();
  const message = useFlash();
  const [centre, setCentre] = useState<Centre | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<Msg | null>(null);
  usePageTitle(centre?.name ?? t('centre.title'));

  useEffect(() => {
    reception.getCentre(id).then(setCentre).catch(setError);
  }, [id]);

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
                {can('centres.manage') ? (
                  <Link href={`/centres/${centre.id}/edit`} class="btn btn-outline-primary btn-sm ms-auto" data-testid="centre-edit">
                    <Icon name="pencil" class="icon-primary icon-sm me-1" />
                    {t('centre.edit')}
                  </Link>
                ) : null}
              </div>
              {message ? <Notice kind="success">{message}</Notice> : null}
              <div aria-live="polite" data-testid="centre-notice">
                {notice ? <Notice kind="success">{notice(t)}</Notice> : null}
              </div>
              <Details centre={centre} />
              {can('occupancy.read') ? <OccupancySection id={centre.id} version={version} /> : null}
              {can('placements.read') ? <GuestsSection centre={centre} version={version} onChanged={changed} /> : null}
              {can('register.read') ? <RegisterSection id={centre.id} /> : null}
              {can('costs.read') ? <CostsSection id={centre.id} /> : null}
              {can('contracts.read') ? <ContractsSection id={centre.id} /> : null}
            </div>
          )
        }
      </LoadState>
    </div>
  );
}

function Details({ centre }: { centre: Centre }) {
  const { t } = useT();
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
        {row(t('centres.operator'), <bdi>{centre.operator_name ?? centre.operator_id}</bdi>)}
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
            <bdi dir="ltr">
              {centre.latitude}, {centre.longitude}
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

function OccupancySection({ id, version }: { id: number; version: number }) {
  const { t } = useT();
  const [series, setSeries] = useState<OccupancySeries | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    reception.series(id).then(setSeries).catch(setError);
  }, [id, version]);
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

type GuestAction = { kind: 'transfer' | 'exit'; guest: Guest } | { kind: 'place' } | null;

function GuestsSection({ centre, version, onChanged }: { centre: Centre; version: number; onChanged: (text: Msg) => void }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const manage = can('placements.manage');
  const [guests, setGuests] = useState<Guest[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<GuestAction>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    reception
      .guests(centre.id)
      .then((r) => setGuests(r.items))
      .catch(setError);
  }, [centre.id, version]);

  const open = (a: GuestAction, e: Event) => {
    opener.current = e.currentTarget as HTMLElement;
    setAction(a);
  };
  const close = () => {
    setAction(null);
    window.setTimeout(() => opener.current?.focus(), 0);
  };
  const done = (text: Msg) => {
    setAction(null);
    onChanged(text);
    window.setTimeout(() => document.getElementById('guests-heading')?.focus(), 0);
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
      {action?.kind === 'place' ? <PlaceForm centre={centre} onCancel={close} onDone={done} /> : null}
      <LoadState error={error} ready={!!guests}>
        {() =>
          guests && (
            <>
              <p>{t('centre.guestsCount', { n: guests.length })}</p>
              {guests.length ? (
                <TableRegion label={t('centre.guestsHeading')} captionHidden testId="guest-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('persons.name')}</th>
                      <th scope="col">{t('persons.nationality')}</th>
                      <th scope="col">{t('placements.category')}</th>
                      <th scope="col">{t('placements.since')}</th>
                      <th scope="col">{t('placements.arrivalFrom')}</th>
                      {manage ? (
                        <th scope="col">
                          <span class="visually-hidden">{t('common.actions')}</span>
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {guests.map((g) => (
                      <tr key={g.id} data-person={g.person_id}>
                        <th scope="row" class="fw-normal">
                          <bdi>{personName(g.person)}</bdi>
                        </th>
                        <td>{nationality(g.person.nationality, lang, t)}</td>
                        <td>{t(`categories.${g.category}`)}</td>
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
      {action?.kind === 'exit' ? <ExitForm key={`e${action.guest.id}`} guest={action.guest} family={relatives(action.guest, guests)} onCancel={close} onDone={done} /> : null}
    </section>
  );
}

/** The other guests of the centre in the same family group as `guest`. */
function relatives(guest: Guest, guests: Guest[] | null): Guest[] {
  const group = guest.person.family_group_id;
  if (!group || !guests) return [];
  return guests.filter((g) => g.person_id !== guest.person_id && g.person.family_group_id === group);
}

/** Family members who may move or leave with the guest: checkboxes, all ticked at first. */
function useFamily(family: Guest[]) {
  const [chosen, setChosen] = useState<number[]>(family.map((g) => g.person_id));
  const { t } = useT();
  const field = family.length ? (
    <fieldset class="mb-4">
      <legend class="h6">{t('placements.family')}</legend>
      {family.map((g) => (
        <div class="form-check" key={g.person_id}>
          <input
            id={`family-${g.person_id}`}
            type="checkbox"
            checked={chosen.includes(g.person_id)}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              setChosen((c) => (on ? [...c, g.person_id] : c.filter((x) => x !== g.person_id)));
            }}
          />
          <label for={`family-${g.person_id}`}>
            <bdi>{personName(g.person)}</bdi>
          </label>
        </div>
      ))}
    </fieldset>
  ) : null;
  return { chosen, field };
}

/** A panel holding one guest operation; its heading takes the focus when it opens. */


/** The override reason, asked for only after the server refused a full or closed centre. */
function OverrideField({ shown, value, onValue, error }: { shown: boolean; value: string; onValue: (v: string) => void; error?: string }) {
  const { t } = useT();
  const { can } = useSession();
  if (!shown) return null;
  if (!can('placements.override')) return <Notice kind="warning">{t('placements.overrideNotAllowed')}</Notice>;
  return (
    <TextAreaField
      id="override_reason"
      label={t('placements.overrideReason')}
      hint={t('placements.overrideHint')}
      required
      maxLength={500}
      value={value}
      onValue={onValue}
      error={error}
    />
  );
}

function PlaceForm({ centre, onCancel, onDone }: { centre: Centre; onCancel: () => void; onDone: (text: Msg) => void }) {
  const { t } = useT();
  const [selected, setSelected] = useState<Person[]>([]);
  const [category, setCategory] = useState(CATEGORIES.find((c) => centre.places[c] > 0) ?? 'single_men');
  const [date, setDate] = useState(today());
  const [from, setFrom] = useState('direct');
  const [override, setOverride] = useState('');
  const [askOverride, setAskOverride] = useState(false);

  const labels = {
    person_ids: t('placements.persons'),
    category: t('placements.category'),
    date: t('placements.date'),
    arrival_from: t('placements.arrivalFrom'),
    override_reason: t('placements.overrideReason'),
  };

  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!selected.length) e.person_ids = ['fieldErrors.choose_person'];
      if (!date) e.date = ['fieldErrors.required'];
      if (askOverride && override.trim().length < 10) e.override_reason = ['fieldErrors.min_length', { n: 10 }];
      return e;
    },
    onError: (e) => needsOverride(e) && setAskOverride(true),
    action: async () => {
      await ruleErrors(
        reception.place({
          person_ids: selected.map((p) => p.id),
          centre_id: centre.id,
          category,
          date,
          arrival_from: from,
          ...(askOverride && override.trim() ? { override_reason: override.trim() } : {}),
        }),
      );
      const n = selected.length;
      onDone((t) => t('placements.placed', { n }));
    },
  });

  return (
    <ActionPanel id="place-form" title={t('placements.placeTitle')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="place-form-heading">
        <PersonSearch
          id="person_ids"
          label={t('placements.searchPerson')}
          hint={t('placements.searchPersonHint')}
          error={errors.fields.person_ids}
          action={(p) => {
            const chosen = selected.some((s) => s.id === p.id);
            return (
              <button
                type="button"
                class="btn btn-outline-primary btn-xs"
                disabled={chosen}
                data-add-person={p.id}
                onClick={() => setSelected((s) => [...s, p])}
              >
                {chosen ? t('placements.added') : t('placements.add')}
                <span class="visually-hidden"> {personName(p)}</span>
              </button>
            );
          }}
        />
        <h4 class="h6">{t('placements.selected')}</h4>
        {selected.length ? (
          <ul class="list-unstyled mb-4" data-testid="selected-persons">
            {selected.map((p) => (
              <li key={p.id} class="d-flex align-items-center gap-2 mb-2">
                <bdi>{personName(p)}</bdi>
                <button type="button" class="btn btn-link btn-xs p-0" onClick={() => setSelected((s) => s.filter((x) => x.id !== p.id))}>
                  {t('placements.remove')}
                  <span class="visually-hidden"> {personName(p)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="text-muted">{t('placements.noneSelected')}</p>
        )}
        <div class="row">
          <div class="col-12 col-md-4">
            <SelectField id="category" label={labels.category} required value={category} onValue={(v) => setCategory(v as typeof category)} options={categoryOptions(t)} />
          </div>
          <div class="col-12 col-md-4">
            <TextField id="date" label={labels.date} required type="date" max={today()} value={date} onValue={setDate} error={errors.fields.date} />
          </div>
          <div class="col-12 col-md-4">
            <SelectField
              id="arrival_from"
              label={labels.arrival_from}
              required
              value={from}
              onValue={setFrom}
              options={ARRIVAL_ORIGINS.map((o) => ({ value: o, label: t(`arrivalOrigins.${o}`) }))}
            />
          </div>
        </div>
        <OverrideField shown={askOverride} value={override} onValue={setOverride} error={errors.fields.override_reason} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('placements.placeSubmit')} testId="place-submit" />
      </form>
    </ActionPanel>
  );
}

function TransferForm({
  centre,
  guest,
  family,
  onCancel,
  onDone,
}: {
  centre: Centre;
  guest: Guest;
  family: Guest[];
  onCancel: () => void;
  onDone: (text: Msg) => void;
}) {
  const { t } = useT();
  const relatives = useFamily(family);
  const [category, setCategory] = useState<string>(guest.category);
  const [targets, setTargets] = useState<CentreOccupancy[] | null>(null);
  const [target, setTarget] = useState('');
  const [date, setDate] = useState(today());
  const [override, setOverride] = useState('');
  const [askOverride, setAskOverride] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    setTargets(null);
    setTarget('');
    reception
      .desk(category)
      .then((r) => setTargets(r.items.filter((c) => c.centre_id !== centre.id)))
      .catch(setLoadError);
  }, [category]);

  const labels = {
    to_centre_id: t('placements.targetCentre'),
    category: t('placements.category'),
    date: t('placements.date'),
    override_reason: t('placements.overrideReason'),
  };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!target) e.to_centre_id = ['fieldErrors.required'];
      if (!date) e.date = ['fieldErrors.required'];
      if (askOverride && override.trim().length < 10) e.override_reason = ['fieldErrors.min_length', { n: 10 }];
      return e;
    },
    onError: (e) => needsOverride(e) && setAskOverride(true),
    action: async () => {
      await ruleErrors(
        reception.transfer({
          person_ids: [guest.person_id, ...relatives.chosen],
          to_centre_id: Number(target),
          category,
          date,
          ...(askOverride && override.trim() ? { override_reason: override.trim() } : {}),
        }),
      );
      const name = targets?.find((c) => String(c.centre_id) === target)?.name ?? '';
      onDone((t) => t('placements.transferred', { person: personName(guest.person), centre: name }));
    },
  });

  return (
    <ActionPanel id="transfer-form" title={t('placements.transferTitle', { person: personName(guest.person) })}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="transfer-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField id="transfer-category" label={labels.category} required value={category} onValue={setCategory} options={categoryOptions(t)} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="date" label={labels.date} required type="date" max={today()} value={date} onValue={setDate} error={errors.fields.date} />
          </div>
        </div>
        {loadError ? (
          <div class="alert alert-danger">{t('errors.unknown')}</div>
        ) : !targets ? (
          <Spinner label={t('common.loading')} />
        ) : targets.length ? (
          <SelectField
            id="to_centre_id"
            label={labels.to_centre_id}
            hint={t('placements.targetHint')}
            required
            value={target}
            onValue={setTarget}
            empty={t('common.choose')}
            options={targets.map((c) => ({ value: String(c.centre_id), label: t('placements.targetOption', { name: c.name, n: c.free_in_category ?? 0 }) }))}
            error={errors.fields.to_centre_id}
          />
        ) : (
          <Notice kind="info">{t('placements.noTargets')}</Notice>
        )}
        {relatives.field}
        <OverrideField shown={askOverride} value={override} onValue={setOverride} error={errors.fields.override_reason} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('placements.transferSubmit')} testId="transfer-submit" />
      </form>
    </ActionPanel>
  );
}

function ExitForm({ guest, family, onCancel, onDone }: { guest: Guest; family: Guest[]; onCancel: () => void; onDone: (text: Msg) => void }) {
  const { t } = useT();
  const relatives = useFamily(family);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const labels = { reason: t('placements.exitReason'), date: t('placements.date'), note: t('placements.exitNote') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!reason) e.reason = ['fieldErrors.required'];
      if (!date) e.date = ['fieldErrors.required'];
      if (reason === 'other' && !note.trim()) e.note = ['fieldErrors.required'];
      return e;
    },
    action: async () => {
      await ruleErrors(
        reception.exit({ person_ids: [guest.person_id, ...relatives.chosen], date, reason, ...(note.trim() ? { note: note.trim() } : {}) }),
      );
      onDone((t) => t('placements.exited', { person: personName(guest.person) }));
    },
  });
  return (
    <ActionPanel id="exit-form" title={t('placements.exitTitle', { person: personName(guest.person) })}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="exit-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField
              id="reason"
              label={labels.reason}
              required
              value={reason}
              onValue={setReason}
              empty={t('common.choose')}
              options={EXIT_REASONS.map((r) => ({ value: r, label: t(`exitReasons.${r}`) }))}
              error={errors.fields.reason}
            />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="date" label={labels.date} required type="date" max={today()} value={date} onValue={setDate} error={errors.fields.date} />
          </div>
        </div>
        {relatives.field}
        <TextAreaField id="note" label={labels.note} required={reason === 'other'} maxLength={1000} value={note} onValue={setNote} error={errors.fields.note} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('placements.exitSubmit')} testId="exit-submit" />
      </form>
    </ActionPanel>
  );
}

function ContractsSection({ id }: { id: number }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const [contracts, setContracts] = useState<Contract[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);
  const [saved, setSaved] = useState<string | null>(null); // the CIG of the contract just saved
  useEffect(() => {
    reception
      .contracts(id)
      .then((r) => setContracts(r.items))
      .catch(setError);
  }, [id, version]);
  return (
    <section aria-labelledby="contracts-heading" class="mb-5">
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-3">
        <h2 id="contracts-heading" class="h3 mb-0" tabIndex={-1}>
          {t('contracts.title')}
        </h2>
        {can('contracts.manage') && !adding ? (
          <button type="button" class="btn btn-outline-primary" data-testid="contract-open" onClick={() => setAdding(true)}>
            <Icon name="plus" class="icon-primary icon-sm me-1" />
            {t('contracts.new')}
          </button>
        ) : null}
      </div>
      <div aria-live="polite">{saved ? <Notice kind="success">{t('contracts.saved', { cig: saved })}</Notice> : null}</div>
      {adding ? (
        <ContractForm
          id={id}
          onCancel={() => setAdding(false)}
          onDone={(cig) => {
            setAdding(false);
            setSaved(cig);
            setVersion((v) => v + 1);
            window.setTimeout(() => document.getElementById('contracts-heading')?.focus(), 0);
          }}
        />
      ) : null}
      <LoadState error={error} ready={!!contracts}>
        {() =>
          contracts &&
          (contracts.length ? (
            <TableRegion label={t('contracts.title')} captionHidden testId="contract-table">
              <thead>
                <tr>
                  <th scope="col">{t('contracts.cig')}</th>
                  <th scope="col">{t('contracts.period')}</th>
                  <th scope="col" class="text-end">
                    {t('contracts.places')}
                  </th>
                  <th scope="col" class="text-end">
                    {t('contracts.price')}
                  </th>
                  <th scope="col" class="text-end">
                    {t('contracts.pocketMoney')}
                  </th>
                  <th scope="col" class="text-end">
                    {t('contracts.familyCap')}
                  </th>
                  <th scope="col">{t('contracts.manager')}</th>
                </tr>
              </thead>
              <tbody>
                {contracts.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" class="fw-normal">
                      <bdi dir="ltr">{c.cig}</bdi>
                    </th>
                    <td>{t('contracts.periodValue', { from: formatDay(c.start_date, lang), to: formatDay(c.end_date, lang) })}</td>
                    <td class="text-end">{c.places}</td>
                    <td class="text-end">{formatEuro(c.price_cents, lang)}</td>
                    <td class="text-end">{formatEuro(c.pocket_money_cents, lang)}</td>
                    <td class="text-end">{formatEuro(c.pocket_money_family_cap_cents, lang)}</td>
                    <td>{c.manager_name ? <bdi>{c.manager_name}</bdi> : <span class="text-muted">{t('contracts.noManager')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          ) : (
            <p>{t('contracts.empty')}</p>
          ))
        }
      </LoadState>
    </section>
  );
}

function ContractForm({ id, onCancel, onDone }: { id: number; onCancel: () => void; onDone: (cig: string) => void }) {
  const { t } = useT();
  const managers = useContractManagers();
  const [f, setF] = useState({ cig: '', start_date: '', end_date: '', places: '', price: '', pocket: '2,50', cap: '7,50', manager: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((p) => ({ ...p, [k]: v }));
  const labels = {
    cig: t('contracts.cig'),
    start_date: t('contracts.startDate'),
    end_date: t('contracts.endDate'),
    places: t('contracts.places'),
    price_cents: t('contracts.price'),
    pocket_money_cents: t('contracts.pocketMoney'),
    pocket_money_family_cap_cents: t('contracts.familyCap'),
    manager_user_id: t('contracts.manager'),
  };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!/^[A-Za-z0-9]{10}$/.test(f.cig.trim())) e.cig = ['fieldErrors.cig_format'];
      if (!f.start_date) e.start_date = ['fieldErrors.required'];
      if (!f.end_date) e.end_date = ['fieldErrors.required'];
      else if (f.start_date && f.end_date < f.start_date) e.end_date = ['fieldErrors.end_before_start'];
      if (!/^\d+$/.test(f.places.trim()) || Number(f.places) < 1) e.places = ['fieldErrors.whole_number'];
      const price = euroToCents(f.price);
      if (price === null || price < 1) e.price_cents = ['fieldErrors.euro_amount'];
      if (euroToCents(f.pocket) === null) e.pocket_money_cents = ['fieldErrors.euro_amount'];
      if (euroToCents(f.cap) === null) e.pocket_money_family_cap_cents = ['fieldErrors.euro_amount'];
      return e;
    },
    action: async () => {
      const cig = f.cig.trim().toUpperCase();
      await ruleErrors(
        reception.addContract(id, {
          cig,
          start_date: f.start_date,
          end_date: f.end_date,
          places: Number(f.places),
          price_cents: euroToCents(f.price),
          pocket_money_cents: euroToCents(f.pocket),
          pocket_money_family_cap_cents: euroToCents(f.cap),
          manager_user_id: f.manager ? Number(f.manager) : null,
        }),
      );
      onDone(cig);
    },
  });
  return (
    <ActionPanel id="contract-form" title={t('contracts.new')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="contract-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <TextField id="cig" label={labels.cig} hint={t('contracts.cigHint')} required maxLength={10} dir="ltr" value={f.cig} onValue={set('cig')} error={errors.fields.cig} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="places" label={labels.places} required inputMode="numeric" dir="ltr" value={f.places} onValue={set('places')} error={errors.fields.places} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="start_date" label={labels.start_date} required type="date" value={f.start_date} onValue={set('start_date')} error={errors.fields.start_date} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="end_date" label={labels.end_date} required type="date" value={f.end_date} onValue={set('end_date')} error={errors.fields.end_date} />
          </div>
          <div class="col-12 col-md-4">
            <EuroField
              id="price_cents"
              label={labels.price_cents}
              required
              value={f.price}
              onValue={set('price')}
              error={errors.fields.price_cents}
            />
          </div>
          <div class="col-12 col-md-4">
            <EuroField
              id="pocket_money_cents"
              label={labels.pocket_money_cents}
              value={f.pocket}
              onValue={set('pocket')}
              error={errors.fields.pocket_money_cents}
            />
          </div>
          <div class="col-12 col-md-4">
            <EuroField
              id="pocket_money_family_cap_cents"
              label={labels.pocket_money_family_cap_cents}
              value={f.cap}
              onValue={set('cap')}
              error={errors.fields.pocket_money_family_cap_cents}
            />
          </div>
          <div class="col-12 col-md-6">
            <SelectField
              id="manager_user_id"
              label={labels.manager_user_id}
              hint={t('contracts.managerHint')}
              value={f.manager}
              onValue={set('manager')}
              empty={t('contracts.noManager')}
              options={managers.map((u) => ({ value: String(u.id), label: u.display_name }))}
              error={errors.fields.manager_user_id}
            />
          </div>
        </div>
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('common.save')} testId="contract-save" />
      </form>
    </ActionPanel>
  );
}

