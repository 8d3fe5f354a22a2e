// The operator's invoice for a month, prepared from the register: the form starts from the
// presences the register holds (one line per person and run of days present) and the amount due,
// so that an invoice differs from the register only where the operator changes it. Lines can be
// left out or shortened; the declared presence-days are always the sum of the lines kept, and the
// amount is always those days at the contract's net price (with its VAT and the gross shown), so
// that days and amount cannot drift apart. An invoice covers one contract: a month spanning two
// contracts gives two invoices, and the server drafts each contract's own (its days only, the
// lines cut at the contract boundary). The form names the contract it invoices and, when more
// than one is still to invoice, lets the operator choose. Lines declaring days not yet confirmed
// in the register are pointed out before sending.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { Consequences, Facts, useConfirm } from '../../components/ConfirmDialog';
import { TableRegion } from '../../components/TableRegion';
import { FormErrors, LoadState, Notice, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { ApiError, type FieldError } from '../../lib/api';
import { daysBetween, formatDay, formatMonth } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatEuro } from '../../lib/money';
import { formatNumber } from '../../lib/numbers';
import { useData } from '../../lib/useData';
import { costsApi, type Invoice, type InvoiceDraft } from './api';

type DraftContract = InvoiceDraft['contracts'][number];

interface Row {
  person_id: number;
  name: string;
  from: string;
  to: string;
  kept: boolean;
}

const daysIn = (r: Row) => daysBetween(r.from, r.to) + 1;
const datesOk = (r: Row) => /^\d{4}-\d{2}-\d{2}$/.test(r.from) && /^\d{4}-\d{2}-\d{2}$/.test(r.to) && r.from <= r.to;

/** Cents as the operator would type them: a decimal comma where the language writes one. */
function centsAsTyped(cents: number, lang: string): string {
  const text = (cents / 100).toFixed(2);
  return ['it', 'fr', 'uk'].includes(lang) ? text.replace('.', ',') : text;
}

/** The draft's lines (the server's, within its contract's days) as rows of the form. */
const rowsOf = (draft: InvoiceDraft): Row[] =>
  draft.lines.map((l) => ({ person_id: l.person_id, name: `${l.family_name} ${l.given_names}`, from: l.from, to: l.to, kept: true }));

/** VAT on a net amount at a rate in per cent, rounded half up to the cent (as the server does). */
export const vatCents = (net: number, rate: number) => Math.sign(net) * Math.floor((Math.abs(net) * rate + 50) / 100);

/** The checks the server makes on lines, in the user's language and before sending. */
function lineErrors(rows: Row[], draft: InvoiceDraft, period: { from: string; to: string }): FieldErrors {
  const e: FieldErrors = {};
  const lastTo = new Map<number, string>();
  rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.kept)
    .sort((a, b) => a.r.person_id - b.r.person_id || a.r.from.localeCompare(b.r.from))
    .forEach(({ r, i }) => {
      if (!datesOk(r)) e[`line-${i}-to`] = ['fieldErrors.end_before_start'];
      else if (r.from < draft.from || r.to > draft.to) e[`line-${i}-from`] = ['fieldErrors.outside_month'];
      else if (r.from < period.from || r.to > period.to) e[`line-${i}-from`] = ['fieldErrors.outside_contract_period'];
      else if ((lastTo.get(r.person_id) ?? '') >= r.from) e[`line-${i}-from`] = ['fieldErrors.overlapping_line'];
      if (datesOk(r)) lastTo.set(r.person_id, r.to);
    });
  return e;
}

/** Server field names (lines[k].from, k among the lines sent) as the ids of the rows' inputs. */
function toRowFields(err: unknown, sent: number[]): unknown {
  if (!(err instanceof ApiError)) return err;
  const fields: Record<string, FieldError> = {};
  for (const [k, reason] of Object.entries(err.fields)) {
    const m = /^lines\[(\d+)\]\.(\w+)$/.exec(k);
    fields[m ? `line-${sent[Number(m[1])]}-${m[2] === 'to' ? 'to' : 'from'}` : k] = reason;
  }
  return new ApiError(err.status, err.code, err.message, fields, err.retryAfter);
}

type FormProps = { id: number; month: string; onCancel: () => void; onDone: (invoice: Invoice) => void };

/**
 * `open`: the month's contracts still without a current invoice, in date order (at least one);
 * the form drafts the first, and offers the others.
 */
export function InvoiceForm({ id, month, open, onCancel, onDone }: FormProps & { open: number[] }) {
  const { t, lang } = useT();
  const [contractId, setContractId] = useState(open[0]);
  const { data: draft, error } = useData(() => costsApi.draft(id, month, contractId), [id, month, contractId]);
  // The contract chosen, before its draft has arrived: the form waits for it.
  const ready = !!draft && draft.contract_id === contractId;
  return (
    <ActionPanel id="invoice-form" title={t('invoiceForm.title', { month: formatMonth(month, lang) })}>
      <LoadState error={error} ready={ready}>
        {() =>
          draft && (
            <>
              <ContractChoice draft={draft} open={open} onChoose={setContractId} />
              {!draft.lines.length ? (
                <Notice kind="info">{t('invoiceForm.nothing')}</Notice>
              ) : (
                <DraftForm key={draft.contract_id} draft={draft} id={id} month={month} onCancel={onCancel} onDone={onDone} />
              )}
            </>
          )
        }
      </LoadState>
    </ActionPanel>
  );
}

/** The contract the invoice is for: named always, chosen when more than one is still to invoice. */
function ContractChoice({ draft, open, onChoose }: { draft: InvoiceDraft; open: number[]; onChoose: (id: number) => void }) {
  const { t, lang } = useT();
  const label = (c: DraftContract) => t('invoiceForm.contractOption', { cig: c.cig, from: formatDay(c.from, lang), to: formatDay(c.to, lang) });
  const choices = draft.contracts.filter((c) => open.includes(c.contract_id));
  const current = draft.contracts.find((c) => c.contract_id === draft.contract_id);
  return (
    <>
      {draft.contracts.length > 1 ? (
        <Notice kind="info">
          <span data-testid="invoice-two-contracts">{t('invoiceForm.twoContracts')}</span>
        </Notice>
      ) : null}
      {choices.length > 1 ? (
        <SelectField
          id="contract_id"
          label={t('invoiceForm.contract')}
          required
          value={String(draft.contract_id)}
          onValue={(v) => onChoose(Number(v))}
          options={choices.map((c) => ({ value: String(c.contract_id), label: label(c) }))}
        />
      ) : current ? (
        <p data-testid="invoice-contract">
          <span class="fw-semibold">{t('invoiceForm.contract')}:</span> <bdi>{label(current)}</bdi>
        </p>
      ) : null}
    </>
  );
}

/** The form, started from the draft the server proposes for one contract. */
function DraftForm({ draft, id, month, onCancel, onDone }: FormProps & { draft: InvoiceDraft }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const contract = draft.contracts.find((c) => c.contract_id === draft.contract_id);
  const period = { from: contract?.from ?? draft.from, to: contract?.to ?? draft.to };
  const [rows, setRows] = useState<Row[]>(() => rowsOf(draft));
  const [number, setNumber] = useState('');
  const [note, setNote] = useState('');

  const kept = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kept);
  const declaredDays = kept.reduce((n, { r }) => n + (datesOk(r) ? daysIn(r) : 0), 0);
  // The amount follows the days: never typed, so that unticking a line changes both.
  const net = declaredDays * (contract?.price_cents ?? 0);
  const vat = vatCents(net, contract?.vat_rate_percent ?? 0);
  const amount = centsAsTyped(net, lang);
  // Days declared that the register has not confirmed (or that changed since).
  const unconfirmedDeclared = [
    ...new Set(
      kept.flatMap(({ r }) => (datesOk(r) ? draft.unconfirmed_days.filter((d) => d >= r.from && d <= r.to) : [])),
    ),
  ].sort();
  const setRow = (i: number, change: Partial<Row>) => setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...change } : r)));

  const labels: Record<string, string> = { number: t('invoiceForm.number'), amount_cents: t('invoiceForm.amount'), note: t('invoiceForm.note') };
  rows.forEach((r, i) => {
    labels[`line-${i}-from`] = t('invoiceForm.lineFrom', { name: r.name });
    labels[`line-${i}-to`] = t('invoiceForm.lineTo', { name: r.name });
    labels[`line-${i}-kept`] = t('invoiceForm.keepLine', { name: r.name });
  });

  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = lineErrors(rows, draft, period);
      if (!number.trim()) e.number = ['fieldErrors.required'];
      if (net < 1 && kept.length) e.amount_cents = ['fieldErrors.euro_amount'];
      if (!kept.length) e['line-0-kept'] = ['fieldErrors.no_lines'];
      return e;
    },
    // Month, days, amount, and where it goes: the operator sees the invoice as it will be sent.
    confirm: () =>
      ask({
        title: t('invoiceForm.confirm.title', { number: number.trim() }),
        confirmLabel: t('invoiceForm.confirm.button', { number: number.trim() }),
        body: (
          <>
            <Facts
              testId="invoice-confirm-facts"
              items={[
                [t('invoiceForm.confirm.month'), formatMonth(month, lang)],
                [t('costs.presenceDays'), formatNumber(declaredDays, lang)],
                [t('invoiceForm.amount'), formatEuro(net, lang)],
                [t('invoiceForm.vat', { rate: contract?.vat_rate_percent ?? 0 }), formatEuro(vat, lang)],
                [t('invoiceForm.gross'), formatEuro(net + vat, lang)],
                [t('invoiceForm.cig'), contract?.cig ?? ''],
                [t('invoiceForm.contractPeriod'), contract ? t('invoiceForm.period', { from: formatDay(contract.from, lang), to: formatDay(contract.to, lang) }) : ''],
              ]}
            />
            <Consequences items={[t('invoiceForm.confirm.review'), t('invoiceForm.confirm.final')]} />
          </>
        ),
      }),
    action: async () => {
      const sent = kept.map(({ i }) => i);
      try {
        const created = await costsApi.submit(id, {
          month,
          number: number.trim(),
          contract_id: draft.contract_id,
          amount_cents: net,
          presence_days: declaredDays,
          note: note.trim() || null,
          lines: kept.map(({ r }) => ({ person_id: r.person_id, from: r.from, to: r.to })),
        });
        onDone(created);
      } catch (err) {
        throw toRowFields(err, sent);
      }
    },
  });

  return (
    <>
      <p>{t('invoiceForm.intro', { count: draft.presence_days })}</p>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="invoice-form-heading">
        <div class="row">
          <div class="col-12 col-md-4">
            <TextField id="number" label={labels.number} required maxLength={60} dir="ltr" value={number} onValue={setNumber} error={errors.fields.number} />
          </div>
          <div class="col-12 col-md-4">
            <TextField
              id="amount_cents"
              label={labels.amount_cents}
              hint={t('invoiceForm.amountHint', { price: formatEuro(contract?.price_cents ?? 0, lang) })}
              readOnly
              dir="ltr"
              value={amount}
              onValue={() => undefined}
              error={errors.fields.amount_cents}
            />
            <p class="small mb-1" data-testid="invoice-vat">
              {t('invoiceForm.vat', { rate: contract?.vat_rate_percent ?? 0 })}: <bdi>{formatEuro(vat, lang)}</bdi>
            </p>
            <p class="small fw-semibold" data-testid="invoice-gross">
              {t('invoiceForm.gross')}: <bdi>{formatEuro(net + vat, lang)}</bdi>
            </p>
          </div>
          <div class="col-12 col-md-4">
            <p class="fw-semibold mb-1">{t('costs.presenceDays')}</p>
            <p class="h4" aria-live="polite" data-testid="invoice-declared-days">
              {declaredDays}
            </p>
          </div>
        </div>
        <div aria-live="polite">
          {unconfirmedDeclared.length ? (
            <Notice kind="warning">
              <span data-testid="invoice-unconfirmed">
                {t('invoiceForm.unconfirmed', {
                  days: unconfirmedDeclared.map((d) => formatDay(d, lang)).join(', '),
                })}
              </span>
            </Notice>
          ) : null}
        </div>
        <TextAreaField id="note" label={labels.note} maxLength={2000} rows={2} value={note} onValue={setNote} />
        <TableRegion label={t('invoiceForm.linesCaption')} small testId="invoice-lines">
          <thead>
            <tr>
              <th scope="col">{t('invoiceForm.keep')}</th>
              <th scope="col">{t('costs.person')}</th>
              <th scope="col">{t('invoiceForm.from')}</th>
              <th scope="col">{t('invoiceForm.to')}</th>
              <th scope="col" class="text-end">
                {t('invoiceForm.days')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.person_id}-${i}`} data-person={r.person_id}>
                <td>
                  <input
                    type="checkbox"
                    class="form-check-input position-static ms-0"
                    id={`line-${i}-kept`}
                    checked={r.kept}
                    aria-label={t('invoiceForm.keepLine', { name: r.name })}
                    onChange={(e) => setRow(i, { kept: (e.currentTarget as HTMLInputElement).checked })}
                  />
                </td>
                <th scope="row" class="fw-normal">
                  <bdi>{r.name}</bdi>
                </th>
                {(['from', 'to'] as const).map((k) => {
                  const field = `line-${i}-${k}`;
                  const error = errors.fields[field];
                  return (
                    <td key={k}>
                      <input
                        type="date"
                        class={`form-control form-control-sm${error ? ' is-invalid' : ''}`}
                        id={field}
                        value={r[k]}
                        min={period.from}
                        max={period.to}
                        disabled={!r.kept}
                        aria-label={labels[field]}
                        aria-invalid={error ? 'true' : undefined}
                        aria-describedby={error ? `${field}-error` : undefined}
                        onInput={(e) => setRow(i, { [k]: (e.currentTarget as HTMLInputElement).value })}
                      />
                      {error ? (
                        <div id={`${field}-error`} class="field-error small">
                          {error}
                        </div>
                      ) : null}
                    </td>
                  );
                })}
                <td class="text-end">
                  {r.kept && datesOk(r) ? daysIn(r) : 0}
                  {r.kept && datesOk(r) && draft.unconfirmed_days.some((d) => d >= r.from && d <= r.to) ? (
                    <span class="badge bg-warning text-dark ms-1">{t('invoiceForm.notConfirmed')}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('invoiceForm.submit')} testId="invoice-submit" />
      </form>
      {dialog}
    </>
  );
}
