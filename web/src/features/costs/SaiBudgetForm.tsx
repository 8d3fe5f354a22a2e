// The Prefettura records a SAI project's budget for a year and the state of its final report
// (a SAI project is funded by its annual budget, not paid by the day). Recording a year that
// already has a budget replaces it: the form says so and shows the old and new values first.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { Facts, useConfirm } from '../../components/ConfirmDialog';
import { EuroField, FormErrors, SelectField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { euroText, euroToCents, formatEuro } from '../../lib/money';
import { costsApi, SAI_REPORT_STATUSES, type SaiBudget } from './api';

type ReportStatus = SaiBudget['report_status'];

// Years go into sentences as text: i18n writes numbers with the language's grouping ("2,026").

/** Cents as the euro field shows them ("35,50"). */

export function SaiBudgetForm({
  id,
  budgets,
  start,
  onCancel,
  onDone,
}: {
  id: number;
  budgets: readonly SaiBudget[];
  /** The budget to correct, or none for a new year. */
  start: SaiBudget | null;
  onCancel: () => void;
  onDone: (b: SaiBudget) => void;
}) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [f, setF] = useState({
    year: String(start?.year ?? Number(today().slice(0, 4))),
    amount: start ? euroText(start.amount_cents) : '',
    report: (start?.report_status ?? 'not_due') as ReportStatus,
  });
  const set = (k: 'year' | 'amount') => (v: string) => setF((p) => ({ ...p, [k]: v }));
  const labels = { year: t('costs.saiYear'), amount_cents: t('costs.saiBudget'), report_status: t('costs.saiReport') };
  const year = /^\d{4}$/.test(f.year.trim()) ? Number(f.year) : null;
  const existing = budgets.find((b) => b.year === year) ?? null;
  const eur = (c: number) => formatEuro(c, lang);
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (year === null || year < 2000 || year > 2100) e.year = ['fieldErrors.date_out_of_range', { from: '2000', to: '2100' }];
      if (euroToCents(f.amount) === null) e.amount_cents = ['fieldErrors.euro_amount'];
      return e;
    },
    // A new year changes nothing recorded; replacing one does, so it asks first.
    confirm: async () =>
      !existing ||
      ask({
        title: t('saiBudget.replaceTitle', { year: String(existing.year) }),
        confirmLabel: t('saiBudget.replace', { year: String(existing.year) }),
        body: (
          <Facts
            testId="sai-budget-facts"
            items={[
              [labels.amount_cents, t('saiBudget.change', { from: eur(existing.amount_cents), to: eur(euroToCents(f.amount) as number) })],
              [labels.report_status, t('saiBudget.change', { from: t(`costs.saiReports.${existing.report_status}`), to: t(`costs.saiReports.${f.report}`) })],
            ]}
          />
        ),
      }),
    action: async () => {
      // validate() has refused a year or an amount that is not one.
      onDone(await costsApi.saveSaiBudget(id, { year: year as number, amount_cents: euroToCents(f.amount) as number, report_status: f.report }));
    },
  });
  return (
    <ActionPanel id="sai-budget-form" title={start ? t('saiBudget.editTitle', { year: String(start.year) }) : t('saiBudget.new')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="sai-budget-form-heading">
        <div class="row">
          <div class="col-12 col-md-4">
            <TextField id="sai-year" label={labels.year} required inputMode="numeric" dir="ltr" maxLength={4} readOnly={!!start} value={f.year} onValue={set('year')} error={errors.fields.year} />
          </div>
          <div class="col-12 col-md-4">
            <EuroField id="sai-amount" label={labels.amount_cents} required value={f.amount} onValue={set('amount')} error={errors.fields.amount_cents} />
          </div>
          <div class="col-12 col-md-4">
            <SelectField
              id="sai-report"
              label={labels.report_status}
              required
              value={f.report}
              onValue={(v) => setF((p) => ({ ...p, report: v }))}
              options={SAI_REPORT_STATUSES.map((s) => ({ value: s, label: t(`costs.saiReports.${s}`) }))}
              error={errors.fields.report_status}
            />
          </div>
        </div>
        {existing && !start ? <p data-testid="sai-budget-replaces">{t('saiBudget.replaces', { year: String(existing.year) })}</p> : null}
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('common.save')} testId="sai-budget-save" />
      </form>
      {dialog}
    </ActionPanel>
  );
}
