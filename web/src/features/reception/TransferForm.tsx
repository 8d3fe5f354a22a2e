// Transfers a guest (and the relatives chosen) to a centre with free places, picked from the placement desk.
import { useEffect, useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { FormErrors, Notice, SelectField, Spinner, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay, today } from '../../lib/dates';
import { currentLang, type Msg, useT } from '../../lib/i18n';
import { formatList } from '../../lib/numbers';
import { useData } from '../../lib/useData';
import { type Category, categoryOptions, type Centre } from '../centres/index';
import { personName } from '../people/index';
import { OverrideField } from './OverrideField';
import { type Guest, receptionApi } from './api';
import { needsOverride, placementRuleErrors } from './ruleErrors';
import { useFamily } from './useFamily';

export function TransferForm({
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
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const relatives = useFamily(family);
  const [category, setCategory] = useState<Category>(guest.category);
  // Only centres with room for everyone who moves: the guest and the relatives ticked.
  const movingCount = 1 + relatives.chosen.length;
  const { data: targets, error: loadError } = useData(
    async () => (await receptionApi.desk(category, movingCount)).filter((c) => c.centre_id !== centre.id),
    [category, movingCount],
  );
  const [target, setTarget] = useState('');
  // A relative ticked more can leave the chosen centre without room: it is no longer offered.
  useEffect(() => {
    if (target && targets && !targets.some((c) => String(c.centre_id) === target)) setTarget('');
  }, [targets]);
  const [date, setDate] = useState(today());
  const [override, setOverride] = useState('');
  const [askOverride, setAskOverride] = useState(false);
  const chooseCategory = (c: Category) => {
    setCategory(c);
    setTarget('');
  };

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
    // From which centre to which, from when, who moves: said before anything is sent.
    confirm: () => {
      const person = personName(guest.person);
      const to = targets?.find((c) => String(c.centre_id) === target)?.name ?? '';
      const moving = [person, ...family.filter((g) => relatives.chosen.includes(g.person_id)).map((g) => personName(g.person))];
      return ask({
        title: t('placements.confirmTransfer.title', { person }),
        confirmLabel: t('placements.confirmTransfer.button', { person, centre: to }),
        body: (
          <Consequences
            items={[
              t('placements.confirmTransfer.route', { from: centre.name, to, date: formatDay(date, lang) }),
              t('placements.confirmTransfer.who', { count: moving.length, names: formatList(moving, lang) }),
              t('placements.confirmTransfer.category', { category: t(`categories.${category}`) }),
              t('placements.confirmTransfer.register', { from: centre.name, to }),
            ]}
          />
        ),
      });
    },
    action: async () => {
      await placementRuleErrors(
        receptionApi.transfer({
          person_ids: [guest.person_id, ...relatives.chosen],
          to_centre_id: Number(target),
          category,
          date,
          ...(askOverride && override.trim() ? { override_reason: override.trim() } : {}),
        }),
      );
      const name = targets?.find((c) => String(c.centre_id) === target)?.name ?? '';
      const names = [personName(guest.person), ...family.filter((g) => relatives.chosen.includes(g.person_id)).map((g) => personName(g.person))];
      onDone((t) => t('placements.transferred', { count: names.length, names: formatList(names, currentLang()), centre: name }));
    },
  });

  return (
    <ActionPanel id="transfer-form" title={t('placements.transferTitle', { person: personName(guest.person) })}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="transfer-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField id="transfer-category" label={labels.category} required value={category} onValue={chooseCategory} options={categoryOptions(t)} />
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
            hint={t('placements.targetHint', { count: movingCount })}
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
      {dialog}
    </ActionPanel>
  );
}
