// On the centre page: places above contract granted by decisions of the Prefettura (DL 133/2023
// art. 7), kept apart from the contract's, and the Prefettura's way to record one after a confirm
// step (a decision is not edited: it counts in capacity checks for its whole period), or to
// withdraw one with the reason, after saying what will happen (it stays listed, counting no more).
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { TableRegion } from '../../components/TableRegion';
import { FormErrors, LoadState, Notice, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type Category, centresApi, type Derogation } from './api';
import { categoryOptions } from './categoryOptions';

function DerogationForm({ id, centreName, onCancel, onDone }: { id: number; centreName: string; onCancel: () => void; onDone: () => void }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [category, setCategory] = useState<Category>('single_men');
  const [places, setPlaces] = useState('');
  const [number, setNumber] = useState('');
  const [decided, setDecided] = useState(today());
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState('');
  const labels = {
    category: t('derogations.category'),
    places: t('derogations.places'),
    decision_number: t('derogations.decisionNumber'),
    decision_date: t('derogations.decisionDate'),
    start_date: t('derogations.from'),
    end_date: t('derogations.to'),
  };
  const count = Number(places);
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!Number.isInteger(count) || count < 1) e.places = ['fieldErrors.required'];
      if (!number.trim()) e.decision_number = ['fieldErrors.required'];
      if (!decided) e.decision_date = ['fieldErrors.required'];
      if (!from) e.start_date = ['fieldErrors.required'];
      if (!to) e.end_date = ['fieldErrors.required'];
      return e;
    },
    confirm: () => {
      const categoryName = t(`categories.${category}`);
      return ask({
        title: t('derogations.confirm.title', { centre: centreName }),
        confirmLabel: t('derogations.confirm.button', { count: count }),
        body: (
          <Consequences
            items={[
              t('derogations.confirm.places', { count, category: categoryName, from: formatDay(from, lang), to: formatDay(to, lang) }),
              t('derogations.confirm.capacity'),
              t('derogations.confirm.final'),
            ]}
          />
        ),
      });
    },
    action: async () => {
      await centresApi.addDerogation(id, {
        category,
        places: count,
        decision_number: number.trim(),
        decision_date: decided,
        start_date: from,
        end_date: to,
      });
      onDone();
    },
  });
  return (
    <ActionPanel id="derogation-form" title={t('derogations.new')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="derogation-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField id="derogation-category" label={labels.category} required value={category} onValue={setCategory} options={categoryOptions(t)} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="places" label={labels.places} required type="number" inputMode="numeric" min="1" value={places} onValue={setPlaces} error={errors.fields.places} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="decision_number" label={labels.decision_number} required maxLength={100} value={number} onValue={setNumber} error={errors.fields.decision_number} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="decision_date" label={labels.decision_date} required type="date" max={today()} value={decided} onValue={setDecided} error={errors.fields.decision_date} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="start_date" label={labels.start_date} required type="date" value={from} onValue={setFrom} error={errors.fields.start_date} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="end_date" label={labels.end_date} hint={t('derogations.toHint')} required type="date" min={from} value={to} onValue={setTo} error={errors.fields.end_date} />
          </div>
        </div>
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('derogations.save')} testId="derogation-submit" />
      </form>
      {dialog}
    </ActionPanel>
  );
}

const MIN_REASON = 10;

/** Withdrawing a decision: the reason, then a confirm step that says what changes. */
function WithdrawDerogation({ derogation, onCancel, onDone }: { derogation: Derogation; onCancel: () => void; onDone: () => void }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [reason, setReason] = useState('');
  const labels = { reason: t('derogations.withdrawReason') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (reason.trim().length < MIN_REASON ? { reason: ['fieldErrors.min_length', { n: MIN_REASON }] } : {}),
    confirm: () =>
      ask({
        title: t('derogations.withdrawTitle', { number: derogation.decision_number }),
        confirmLabel: t('derogations.withdrawConfirm'),
        body: (
          <Consequences
            items={[
              t('derogations.withdrawPlaces', {
                category: t(`categories.${derogation.category}`),
                places: derogation.places,
                from: formatDay(derogation.start_date, lang),
                to: formatDay(derogation.end_date, lang),
              }),
              t('derogations.withdrawKept'),
            ]}
          />
        ),
      }),
    action: async () => {
      await centresApi.withdrawDerogation(derogation.id, reason.trim());
      onDone();
    },
  });
  return (
    <ActionPanel id={`derogation-withdraw-${derogation.id}`} title={t('derogations.withdrawTitle', { number: derogation.decision_number })}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate data-testid="derogation-withdraw">
        <TextAreaField id="derogation-withdraw-reason" label={labels.reason} required maxLength={500} rows={2} value={reason} onValue={setReason} error={errors.fields.reason} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('derogations.withdraw')} testId="derogation-withdraw-submit" />
      </form>
      {dialog}
    </ActionPanel>
  );
}

export function DerogationsSection({ id, centreName, onChanged }: { id: number; centreName: string; onChanged: () => void }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const { data: derogations, error, reload } = useData(async () => (await centresApi.derogations(id)).items, [id]);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Derogation | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const day = today();
  return (
    <section aria-labelledby="derogations-heading" class="mb-5" data-testid="derogations">
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-3">
        <h2 id="derogations-heading" class="h3 mb-0" tabIndex={-1}>
          {t('derogations.title')}
        </h2>
        {can('centres.manage') && !adding ? (
          <button type="button" class="btn btn-outline-primary" data-testid="derogation-open" onClick={() => setAdding(true)}>
            <Icon name="plus" class="icon-primary icon-sm me-1" />
            {t('derogations.new')}
          </button>
        ) : null}
      </div>
      <p class="text-muted">{t('derogations.intro')}</p>
      <div aria-live="polite">
        {saved ? <Notice kind="success">{t('derogations.saved')}</Notice> : null}
        {withdrawn ? <Notice kind="success">{t('derogations.withdrawn', { number: withdrawn })}</Notice> : null}
      </div>
      {withdrawing ? (
        <WithdrawDerogation
          derogation={withdrawing}
          onCancel={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawn(withdrawing.decision_number);
            setSaved(false);
            setWithdrawing(null);
            reload();
            onChanged();
          }}
        />
      ) : null}
      {adding ? (
        <DerogationForm
          id={id}
          centreName={centreName}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            setSaved(true);
            reload();
            onChanged();
            window.setTimeout(() => document.getElementById('derogations-heading')?.focus(), 0);
          }}
        />
      ) : null}
      <LoadState error={error} ready={!!derogations}>
        {() =>
          derogations &&
          (derogations.length ? (
            <TableRegion label={t('derogations.title')} captionHidden testId="derogation-table">
              <thead>
                <tr>
                  <th scope="col">{t('derogations.decision')}</th>
                  <th scope="col">{t('derogations.category')}</th>
                  <th scope="col" class="text-end">
                    {t('derogations.places')}
                  </th>
                  <th scope="col">{t('derogations.period')}</th>
                  <th scope="col">{t('derogations.state')}</th>
                  {can('centres.manage') ? <th scope="col">{t('derogations.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {derogations.map((d) => (
                  <tr key={d.id} data-derogation={d.id} data-status={d.status}>
                    <th scope="row" class="fw-normal">
                      {t('derogations.decisionValue', { number: d.decision_number, date: formatDay(d.decision_date, lang) })}
                    </th>
                    <td>{t(`categories.${d.category}`)}</td>
                    <td class="text-end">{d.places}</td>
                    <td>{t('derogations.periodValue', { from: formatDay(d.start_date, lang), to: formatDay(d.end_date, lang) })}</td>
                    <td>
                      {d.withdrawn_at
                        ? t('derogations.withdrawnOn', { date: formatDay(d.withdrawn_at.slice(0, 10), lang), reason: d.withdrawal_reason ?? '' })
                        : d.start_date <= day && day <= d.end_date
                          ? t('derogations.inForce')
                          : d.end_date < day
                            ? t('derogations.ended')
                            : t('derogations.upcoming')}
                    </td>
                    {can('centres.manage') ? (
                      <td>
                        {d.status === 'granted' ? (
                          <button
                            type="button"
                            class="btn btn-link p-0"
                            data-testid="derogation-withdraw-open"
                            onClick={() => {
                              setWithdrawn(null);
                              setWithdrawing(d);
                            }}
                          >
                            {t('derogations.withdraw')}
                            <span class="visually-hidden"> {d.decision_number}</span>
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          ) : (
            <p>{t('derogations.empty')}</p>
          ))
        }
      </LoadState>
    </section>
  );
}
