// The costs page of a SAI project, instead of the daily-price costs and the invoices: its budgets
// by year and the state of each final report; the Prefettura records a year or corrects one
// (SaiBudgetForm).
import { useState } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import { TableRegion } from '../../components/TableRegion';
import { LoadState, Notice } from '../../components/forms';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { formatEuro } from '../../lib/money';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { SaiBudgetForm } from './SaiBudgetForm';
import { costsApi, type SaiBudget } from './api';

export function SaiBudgetsPage({ id }: { id: number }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const manage = can('sai_budgets.manage');
  const { data, error, reload } = useData(async () => (await costsApi.saiBudgets(id)).items, [id]);
  // The form: closed (undefined), a new year (null) or the year being corrected.
  const [editing, setEditing] = useState<SaiBudget | null | undefined>(undefined);
  const [saved, setSaved] = useState<number | null>(null);
  return (
    <div data-testid="sai-budgets">
      <Link href={`/centres/${id}`} class="back-link d-inline-flex align-items-center mb-3">
        <Icon name="chevron-left" class="icon-primary icon-sm" directional />
        {t('register.backToCentre')}
      </Link>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-3">
        <h1 id="main-heading" class="mb-0" tabIndex={-1}>
          {t('costs.saiTitle')}
        </h1>
        {manage && editing === undefined ? (
          <button
            type="button"
            class="btn btn-outline-primary"
            data-testid="sai-budget-new"
            onClick={() => {
              setSaved(null);
              setEditing(null);
            }}
          >
            {t('saiBudget.new')}
          </button>
        ) : null}
      </div>
      <Notice kind="info">{t('errors.sai_not_per_day')}</Notice>
      <div aria-live="polite">{saved ? <Notice kind="success">{t('saiBudget.saved', { year: String(saved) })}</Notice> : null}</div>
      {manage && editing !== undefined && data ? (
        <SaiBudgetForm
          key={editing?.year ?? 'new'}
          id={id}
          budgets={data}
          start={editing}
          onCancel={() => setEditing(undefined)}
          onDone={(b) => {
            setEditing(undefined);
            setSaved(b.year);
            reload();
            window.setTimeout(() => document.getElementById('main-heading')?.focus(), 0);
          }}
        />
      ) : null}
      <LoadState error={error} ready={!!data}>
        {() =>
          data &&
          (data.length ? (
            <TableRegion label={t('costs.saiTitle')} captionHidden testId="sai-budget-table">
              <thead>
                <tr>
                  <th scope="col">{t('costs.saiYear')}</th>
                  <th scope="col" class="text-end">
                    {t('costs.saiBudget')}
                  </th>
                  <th scope="col">{t('costs.saiReport')}</th>
                  {manage ? (
                    <th scope="col">
                      <span class="visually-hidden">{t('common.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {data.map((b) => (
                  <tr key={b.year} data-year={b.year}>
                    <th scope="row" class="fw-normal">
                      {b.year}
                    </th>
                    <td class="text-end">{formatEuro(b.amount_cents, lang)}</td>
                    <td>{t(`costs.saiReports.${b.report_status}`)}</td>
                    {manage ? (
                      <td class="text-end">
                        <button
                          type="button"
                          class="btn btn-outline-primary btn-xs"
                          data-testid="sai-budget-edit"
                          onClick={() => {
                            setSaved(null);
                            setEditing(b);
                          }}
                        >
                          {t('common.edit')}
                          <span class="visually-hidden"> {b.year}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          ) : (
            <p>{t('costs.saiNone')}</p>
          ))
        }
      </LoadState>
    </div>
  );
}
