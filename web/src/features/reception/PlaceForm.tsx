// Places a person (and the relatives chosen) in a centre.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { FormErrors, Notice, SelectField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay, today } from '../../lib/dates';
import { currentLang, type Msg, useT } from '../../lib/i18n';
import { formatList } from '../../lib/numbers';
import { useData } from '../../lib/useData';
import { CATEGORIES, type Category, categoryOptions, type Centre } from '../centres/index';
import { type Person, personName, PersonSearch } from '../people/index';
import { OverrideField } from './OverrideField';
import { type ArrivalOrigin, ARRIVAL_ORIGINS, receptionApi } from './api';
import { needsOverride, placementRuleErrors } from './ruleErrors';

export function PlaceForm({
  centre,
  initialCategory,
  onCancel,
  onDone,
}: {
  centre: Centre;
  /** The category the placement desk found room in. */
  initialCategory?: Category;
  onCancel: () => void;
  onDone: (text: Msg) => void;
}) {
  const { t, lang } = useT();
  const [selected, setSelected] = useState<Person[]>([]);
  const [category, setCategory] = useState<Category>(initialCategory ?? CATEGORIES.find((c) => centre.places[c] > 0) ?? 'single_men');
  const [date, setDate] = useState(today());
  // Room for everyone chosen, said before sending: the server refuses a family it cannot take whole.
  const { data: day } = useData(async () => (date ? (await receptionApi.guestsOn(centre.id, date)).items[0] ?? null : null), [centre.id, date]);
  // Places granted above contract by a Prefettura decision in force that day count as places.
  const free = day ? Math.max(0, centre.places[category] + day.derogated_places[category] - day[category]) : null;
  const [from, setFrom] = useState<ArrivalOrigin>('direct');
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
      await placementRuleErrors(
        receptionApi.place({
          person_ids: selected.map((p) => p.id),
          centre_id: centre.id,
          category,
          date,
          arrival_from: from,
          ...(askOverride && override.trim() ? { override_reason: override.trim() } : {}),
        }),
      );
      const names = selected.map(personName);
      onDone((t) => t('placements.placed', { count: names.length, names: formatList(names, currentLang()) }));
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
            <SelectField id="category" label={labels.category} required value={category} onValue={setCategory} options={categoryOptions(t)} />
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
        {free !== null ? (
          selected.length > free ? (
            <Notice kind="warning">{t('placements.noRoom', { count: selected.length, n: free })}</Notice>
          ) : (
            <p data-testid="place-free">{t('placements.freeHere', { date: formatDay(date, lang), n: free })}</p>
          )
        ) : null}
        <OverrideField shown={askOverride} value={override} onValue={setOverride} error={errors.fields.override_reason} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('placements.placeSubmit')} testId="place-submit" />
      </form>
    </ActionPanel>
  );
}
