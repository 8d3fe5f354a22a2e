// The monthly costs of a centre: the section on the centre page and /centres/:id/costs (the month's
// totals, the day by day table, the downloads), with the operator's invoices for the month and
// their reconciliation against the presence register.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { Icon } from '../../components/Icon';
import { MonthPicker, useMonthQuery } from '../../components/MonthPicker';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { FormErrors, LoadState, Notice, TextAreaField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay, formatMonth } from '../../lib/dates';
import { type TFunction, useT } from '../../lib/i18n';
import { formatEuro } from '../../lib/money';
import { formatNumber } from '../../lib/numbers';
import { Link, navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { ApiError } from '../../lib/api';
import { useData } from '../../lib/useData';
import { CreditNotes } from './CreditNotes';
import { MoneyLines } from '../handovers/index';
import { InvoiceForm } from './InvoiceForm';
import { SaiBudgetsPage } from './SaiBudgets';
import { costsApi, costsUrl, type Invoice, type MonthlyCosts, type PresenceDifference, reconciliationUrl } from './api';

/** On the centre page: the way to the costs. */
export function CostsSection({ id }: { id: number }) {
  const { t } = useT();
  return (
    <section aria-labelledby="costs-heading" class="mb-5" data-testid="costs-section">
      <h2 id="costs-heading" class="h3">
        {t('costs.title')}
      </h2>
      <p>{t('costs.sectionIntro')}</p>
      <Link href={`/centres/${id}/costs`} class="btn btn-outline-primary" data-testid="costs-open">
        {t('costs.open')}
      </Link>
    </section>
  );
}

function Downloads({ csv, xlsx, name, label }: { csv: string; xlsx: string; name: string; label: string }) {
  const { t } = useT();
  return (
    <ul class="list-inline mb-4" aria-label={label}>
      <li class="list-inline-item">
        <a href={csv} download={`${name}.csv`} class="btn btn-outline-primary btn-sm" data-testid={`${name}-csv`}>
          {t('costs.downloadCsv')}
        </a>
      </li>
      <li class="list-inline-item">
        <a href={xlsx} download={`${name}.xlsx`} class="btn btn-outline-primary btn-sm" data-testid={`${name}-xlsx`}>
          {t('costs.downloadXlsx')}
        </a>
      </li>
    </ul>
  );
}

/** The difference in words: why the day of this person differs. */
function reasonText(d: PresenceDifference, t: TFunction): string {
  if (d.reason === 'absent' && d.absence_reason)
    return t('costs.reasons.absentWith', { reason: t(`register.reasons.${d.absence_reason}`, { defaultValue: d.absence_reason }) });
  return t(`costs.reasons.${d.reason}`, { defaultValue: d.reason });
}

/** The contracts in force on the month's days, in date order: one invoice each. */
const monthContracts = (costs: MonthlyCosts): number[] => [...new Set(costs.days.flatMap((d) => (d.contract_id ? [d.contract_id] : [])))];

const signed = (n: number, s: string) => (n > 0 ? `+${s}` : s);

function ReconciliationView({ invoice }: { invoice: Invoice }) {
  const { t, lang } = useT();
  const { data: rec, error } = useData(() => costsApi.reconciliation(invoice.id), [invoice.id]);
  const eur = (c: number) => formatEuro(c, lang);
  return (
    <section aria-labelledby="reconciliation-heading" class="mt-4" data-testid="reconciliation">
      <h3 id="reconciliation-heading" class="h4" tabIndex={-1}>
        {t('costs.reconciliationTitle', { number: invoice.number })}
      </h3>
      <LoadState error={error} ready={!!rec}>
        {() =>
          rec && (
            <>
              <dl class="row" data-testid="reconciliation-summary">
                <div class="col-12 col-md-6 mb-3">
                  <dt class="fw-semibold">{t('costs.presenceDays')}</dt>
                  <dd class="mb-0">
                    {t('costs.declaredComputed', { declared: rec.declared.presence_days, computed: rec.computed.presence_days })}
                  </dd>
                  <dd class="mb-0" data-testid="difference-days">
                    {t('costs.difference', { value: signed(rec.difference.presence_days, formatNumber(rec.difference.presence_days, lang)) })}
                  </dd>
                </div>
                <div class="col-12 col-md-6 mb-3">
                  <dt class="fw-semibold">{t('costs.amount')}</dt>
                  <dd class="mb-0">
                    {t('costs.declaredComputed', { declared: eur(rec.declared.amount_cents), computed: eur(rec.computed.amount_cents) })}
                  </dd>
                  <dd class="mb-0" data-testid="difference-amount">
                    {t('costs.difference', { value: signed(rec.difference.amount_cents, eur(rec.difference.amount_cents)) })}
                  </dd>
                  <dd class="mb-0 small">
                    {rec.invoice.cig ? <>{t('costs.cig')}: <bdi dir="ltr">{rec.invoice.cig}</bdi> · </> : null}
                    {t('costs.vatAndGross', { vat: eur(rec.invoice.vat_cents), gross: eur(rec.invoice.gross_cents) })}
                  </dd>
                </div>
                {rec.credited.presence_days || rec.credited.amount_cents ? (
                  <div class="col-12 mb-3" data-testid="reconciliation-credited">
                    <dt class="fw-semibold">{t('costs.creditNotes')}</dt>
                    <dd class="mb-0">
                      {t('costs.credited', { days: formatNumber(rec.credited.presence_days, lang), amount: eur(rec.credited.amount_cents) })}
                    </dd>
                  </div>
                ) : null}
                {rec.spans_contracts ? (
                  <div class="col-12 mb-3">
                    <div class="alert alert-warning mb-0" role="note" data-testid="spans-contracts">
                      {t('costs.spansContracts')}
                    </div>
                  </div>
                ) : null}
                {rec.amount_not_matching_days ? (
                  <div class="col-12 mb-3">
                    <div class="alert alert-warning mb-0" role="note" data-testid="amount-not-matching-days">
                      {t('costs.amountNotMatchingDays', {
                        declared: eur(rec.declared.amount_cents),
                        days: formatNumber(rec.declared.presence_days, lang),
                        expected: eur(rec.expected_amount_cents),
                      })}
                    </div>
                  </div>
                ) : null}
                <div class="col-12 col-md-6 mb-3">
                  <dt class="fw-semibold">{t('costs.declaredNotPresent')}</dt>
                  <dd class="mb-0">{rec.declared_not_present}</dd>
                </div>
                <div class="col-12 col-md-6 mb-3">
                  <dt class="fw-semibold">{t('costs.presentNotDeclared')}</dt>
                  <dd class="mb-0">{rec.present_not_declared}</dd>
                </div>
                {rec.unconfirmed_days.length ? (
                  <div class="col-12 mb-3">
                    <dt class="fw-semibold">{t('costs.unconfirmedDays')}</dt>
                    <dd class="mb-0">{rec.unconfirmed_days.map((d) => formatDay(d.day, lang)).join(', ')}</dd>
                  </div>
                ) : null}
              </dl>
              <h4 class="h5">{t('handovers.moneyTitle')}</h4>
              <MoneyLines lines={rec.money} caption={t('handovers.linesCaption', { month: formatMonth(rec.month, lang) })} testId="reconciliation-money" />
              <Downloads
                csv={reconciliationUrl(invoice.id, 'csv', lang)}
                xlsx={reconciliationUrl(invoice.id, 'xlsx', lang)}
                name={`reconciliation-${invoice.id}`}
                label={t('costs.downloadsReconciliation')}
              />
              {rec.differences.length ? (
                <TableRegion label={t('costs.differencesCaption')} small testId="differences">
                  <thead>
                    <tr>
                      <th scope="col">{t('costs.day')}</th>
                      <th scope="col">{t('costs.person')}</th>
                      <th scope="col">{t('costs.kind')}</th>
                      <th scope="col">{t('costs.reason')}</th>
                      <th scope="col" class="text-end">
                        {t('costs.price')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rec.differences.map((d) => (
                      <tr key={`${d.day}-${d.person_id}`}>
                        <th scope="row" class="fw-normal">
                          {formatDay(d.day, lang)}
                        </th>
                        <td>
                          <bdi>{`${d.family_name} ${d.given_names}`}</bdi>
                        </td>
                        <td>{t(`costs.kinds.${d.kind}`, { defaultValue: d.kind })}</td>
                        <td>{reasonText(d, t)}</td>
                        <td class="text-end">{eur(d.price_cents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </TableRegion>
              ) : (
                <p data-testid="no-differences">{t('costs.noDifferences')}</p>
              )}
            </>
          )
        }
      </LoadState>
    </section>
  );
}

const MIN_WITHDRAWAL_REASON = 10;

/** Withdrawing an invoice: says what will happen, asks for the reason, then withdraws. */
function WithdrawInvoice({ invoice, onCancel, onDone }: { invoice: Invoice; onCancel: () => void; onDone: (i: Invoice) => void }) {
  const { t, lang } = useT();
  const [reason, setReason] = useState('');
  const labels = { reason: t('costs.withdrawReason') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => {
      const r = reason.trim();
      if (!r) return { reason: ['fieldErrors.required'] };
      return r.length < MIN_WITHDRAWAL_REASON ? { reason: ['fieldErrors.min_length', { n: MIN_WITHDRAWAL_REASON }] } : {};
    },
    action: async () => onDone(await costsApi.withdraw(invoice.id, reason.trim())),
  });
  return (
    <ActionPanel id="invoice-withdraw" title={t('costs.withdrawTitle', { number: invoice.number })}>
      <p>{t('costs.withdrawExplain', { month: formatMonth(invoice.month, lang) })}</p>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="invoice-withdraw-heading">
        <TextAreaField
          id="withdraw-reason"
          label={labels.reason}
          required
          maxLength={500}
          rows={2}
          value={reason}
          onValue={setReason}
          error={errors.fields.reason}
        />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('costs.withdrawConfirm')} testId="invoice-withdraw-submit" />
      </form>
    </ActionPanel>
  );
}

/** How an invoice stands: withdrawn (when, why) or the one that replaces a withdrawn one. */
function InvoiceStatus({ invoice }: { invoice: Invoice }) {
  const { t, lang } = useT();
  if (invoice.status === 'withdrawn')
    return (
      <>
        <span class="badge bg-secondary me-1" data-testid="invoice-withdrawn">
          {t('costs.withdrawnBadge', { date: formatDay(invoice.withdrawn_at!.slice(0, 10), lang) })}
        </span>{' '}
        <span>{t('costs.withdrawnReason', { reason: invoice.withdrawal_reason })}</span>{' '}
      </>
    );
  return invoice.replaces_id ? <span class="me-1">{t('costs.replacement')} </span> : null;
}

/**
 * The month's invoices, one per contract. `contracts`: the contracts in force on the month's days
 * (from its costs, in date order), null until they are known.
 */
function Invoices({ id, month, selected, contracts }: { id: number; month: string; selected: number | null; contracts: number[] | null }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const { data: invoices, error, reload } = useData(async () => (await costsApi.invoices(id)).items, [id]);
  const [formOpen, setFormOpen] = useState(false);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<Invoice | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const ofMonth = (invoices ?? []).filter((i) => i.month === month);
  const chosen = ofMonth.find((i) => i.id === selected) ?? null;
  // One current invoice per contract and month: the form is offered while a contract of the month
  // has none (a withdrawn invoice leaves room for the one that replaces it). An older invoice
  // naming no contract stands for the whole month.
  const current = ofMonth.filter((i) => i.status === 'submitted');
  const open = current.some((i) => i.contract_id === null) ? [] : (contracts ?? []).filter((c) => !current.some((i) => i.contract_id === c));
  const mayPrepare = can('invoices.submit') && !!invoices && open.length > 0;
  return (
    <section aria-labelledby="invoices-heading" class="mb-5" data-testid="invoices">
      <h2 id="invoices-heading" class="h3">
        {t('costs.invoicesTitle')}
      </h2>
      {submitted ? <Notice kind="success">{t('invoiceForm.submitted', { number: submitted })}</Notice> : null}
      {withdrawn ? <Notice kind="success">{t('costs.withdrawn', { number: withdrawn })}</Notice> : null}
      {mayPrepare && !formOpen ? (
        <button type="button" class="btn btn-primary mb-3" data-testid="invoice-prepare" onClick={() => setFormOpen(true)}>
          {t('invoiceForm.prepare')}
        </button>
      ) : null}
      {mayPrepare && formOpen ? (
        <InvoiceForm
          id={id}
          month={month}
          open={open}
          onCancel={() => setFormOpen(false)}
          onDone={(created) => {
            setFormOpen(false);
            setWithdrawn(null);
            setSubmitted(created.number);
            reload();
            navigate(`/centres/${id}/costs?month=${month}&invoice=${created.id}`);
          }}
        />
      ) : null}
      <LoadState error={error} ready={!!invoices}>
        {() =>
          ofMonth.length ? (
            <>
              <ul class="list-unstyled">
                {ofMonth.map((i) => (
                  <li key={i.id} class="mb-2" data-invoice={i.id} data-status={i.status}>
                    <InvoiceStatus invoice={i} />
                    {t('costs.invoiceLine', {
                      number: i.number,
                      amount: formatEuro(i.amount_cents, lang),
                      count: i.presence_days,
                      date: formatDay(i.submitted_at.slice(0, 10), lang),
                    })}{' '}
                    <span data-testid="invoice-cig">
                      {i.cig ? (
                        <>
                          {t('costs.cig')}: <bdi dir="ltr">{i.cig}</bdi>.
                        </>
                      ) : (
                        t('costs.wholeMonthInvoice')
                      )}
                    </span>{' '}
                    <Link
                      href={`/centres/${id}/costs?month=${month}&invoice=${i.id}`}
                      data-testid="reconciliation-open"
                      aria-current={i.id === selected ? 'true' : undefined}
                    >
                      {t('costs.openReconciliation')}
                      <span class="visually-hidden"> {i.number}</span>
                    </Link>
                    {can('invoices.submit') && i.status === 'submitted' && withdrawing?.id !== i.id ? (
                      <button
                        type="button"
                        class="btn btn-link p-0 ms-3 align-baseline"
                        data-testid="invoice-withdraw-open"
                        onClick={() => {
                          setWithdrawn(null);
                          setWithdrawing(i);
                        }}
                      >
                        {t('costs.withdraw')}
                        <span class="visually-hidden"> {i.number}</span>
                      </button>
                    ) : null}
                    {withdrawing?.id === i.id ? (
                      <WithdrawInvoice
                        invoice={i}
                        onCancel={() => setWithdrawing(null)}
                        onDone={(done) => {
                          setWithdrawing(null);
                          setSubmitted(null);
                          setWithdrawn(done.number);
                          reload();
                        }}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
              {chosen ? <ReconciliationView invoice={chosen} /> : null}
              {chosen ? <CreditNotes key={chosen.id} centreId={id} invoice={chosen} /> : null}
            </>
          ) : (
            <p data-testid="no-invoices">{t('costs.noInvoices')}</p>
          )
        }
      </LoadState>
    </section>
  );
}

/** /centres/:id/costs?month=YYYY-MM[&invoice=N] */
export function CostsPage({ id }: { id: number }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const loc = useLocation();
  const { month, max } = useMonthQuery();
  const invoiceParam = Number(loc.query.get('invoice'));
  const selected = Number.isInteger(invoiceParam) && invoiceParam > 0 ? invoiceParam : null;
  const { data, error } = useData(() => costsApi.month(id, month), [id, month]);
  const saiProject = error instanceof ApiError && error.code === 'sai_not_per_day';
  usePageTitle(saiProject ? t('costs.saiTitle') : t('costs.pageTitle', { month: formatMonth(month, lang) }));

  // A SAI project has no daily costs and no invoices: its page is its budgets.
  if (saiProject) return <SaiBudgetsPage id={id} />;

  const eur = (c: number) => formatEuro(c, lang);
  return (
    <div data-testid="costs-page" data-month={month}>
      <Link href={`/centres/${id}`} class="back-link d-inline-flex align-items-center mb-3">
        <Icon name="chevron-left" class="icon-primary icon-sm" directional />
        {t('register.backToCentre')}
      </Link>
      <h1 id="main-heading" tabIndex={-1}>
        {t('costs.pageTitle', { month: formatMonth(month, lang) })}
      </h1>
      <MonthPicker id="costs-month" path={`/centres/${id}/costs`} label={t('costs.chooseMonth')} button={t('costs.show')} month={month} max={max} testId="costs-month-picker" />
      <LoadState error={error} ready={!!data}>
        {() =>
          data && (
            <>
              <section aria-labelledby="costs-totals-heading" class="mb-4">
                <h2 id="costs-totals-heading" class="h3">
                  {t('costs.totalsTitle')}
                </h2>
                <p>{t('costs.period', { from: formatDay(data.from, lang), to: formatDay(data.to, lang) })}</p>
                {data.complete ? null : (
                  <div class="alert alert-info" role="status" data-testid="costs-partial">
                    {t('costs.partial')}
                  </div>
                )}
                <dl class="row" data-testid="costs-totals">
                  <div class="col-12 col-md-6 col-lg-3 mb-3">
                    <dt class="fw-semibold">{t('costs.presenceDays')}</dt>
                    <dd class="mb-0 h4" data-testid="total-presence-days">
                      {data.totals.presence_days}
                    </dd>
                  </div>
                  <div class="col-12 col-md-6 col-lg-3 mb-3">
                    <dt class="fw-semibold">{t('costs.amountDue')}</dt>
                    <dd class="mb-0 h4" data-testid="total-amount">
                      {eur(data.totals.amount_due_cents)}
                    </dd>
                    <dd class="mb-0 small" data-testid="total-vat">
                      {t('costs.vatAndGross', { vat: eur(data.totals.vat_cents), gross: eur(data.totals.gross_due_cents) })}
                    </dd>
                  </div>
                  <div class="col-12 col-md-6 col-lg-3 mb-3">
                    <dt class="fw-semibold">{t('costs.pocketMoneyDue')}</dt>
                    <dd class="mb-0 h4" data-testid="total-pocket-money">
                      {eur(data.totals.pocket_money_due_cents)}
                    </dd>
                  </div>
                  <div class="col-12 col-md-6 col-lg-3 mb-3">
                    <dt class="fw-semibold">{t('costs.daysWithoutContract')}</dt>
                    <dd class="mb-0 h4" data-testid="total-no-contract">
                      {data.totals.days_without_contract}
                    </dd>
                  </div>
                </dl>
                {data.totals.days_without_contract ? (
                  <div class="alert alert-warning" role="note" data-testid="costs-no-contract-warning">
                    {t('costs.noContractWarning', {
                      count: data.totals.days_without_contract,
                      presence: data.totals.presence_days_without_contract,
                    })}
                  </div>
                ) : null}
                <Downloads csv={costsUrl(id, month, 'csv', lang)} xlsx={costsUrl(id, month, 'xlsx', lang)} name={`costs-${month}`} label={t('costs.downloadsCosts')} />
              </section>
              <section aria-labelledby="costs-money-heading" class="mb-4">
                <h2 id="costs-money-heading" class="h3">
                  {t('handovers.moneyTitle')}
                </h2>
                <MoneyLines lines={data.money} caption={t('handovers.linesCaption', { month: formatMonth(month, lang) })} testId="costs-money" />
                {can('handovers.read') ? (
                  <Link href={`/centres/${id}/handovers?month=${month}`} class="btn btn-outline-primary" data-testid="handovers-open">
                    {t('handovers.open')}
                  </Link>
                ) : null}
              </section>
              <section aria-labelledby="costs-days-heading" class="mb-5">
                <h2 id="costs-days-heading" class="h3">
                  {t('costs.daysTitle')}
                </h2>
                <TableRegion label={t('costs.daysCaption', { month: formatMonth(month, lang) })} small regionClass="costs-days" testId="costs-days">
                  <thead>
                    <tr>
                      <th scope="col">{t('costs.day')}</th>
                      <th scope="col" class="text-end">
                        {t('costs.present')}
                      </th>
                      <th scope="col" class="text-end">
                        {t('costs.price')}
                      </th>
                      <th scope="col" class="text-end">
                        {t('costs.amount')}
                      </th>
                      <th scope="col" class="text-end">
                        {t('costs.pocketMoney')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.days.map((d) => (
                      <tr key={d.day} data-day={d.day} data-no-contract={String(d.no_contract)}>
                        <th scope="row" class="fw-normal">
                          {formatDay(d.day, lang)}
                        </th>
                        <td class="text-end">{d.present}</td>
                        <td class="text-end">{d.no_contract ? <span class="fw-semibold">{t('costs.noContract')}</span> : eur(d.price_cents)}</td>
                        <td class="text-end">{eur(d.amount_cents)}</td>
                        <td class="text-end">{eur(d.pocket_money_cents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </TableRegion>
              </section>
            </>
          )
        }
      </LoadState>
      <Invoices key={month} id={id} month={month} selected={selected} contracts={data ? monthContracts(data) : null} />
    </div>
  );
}
