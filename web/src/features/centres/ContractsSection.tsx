// On the centre page: the centre's contracts with the Prefettura, and the way to add one.
import { useState } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import { TableRegion } from '../../components/TableRegion';
import { LoadState, Notice } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatEuro, vatCents } from '../../lib/money';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { Link } from '../../lib/router';
import { ContractForm, formatPercent } from './ContractForm';
import { centresApi } from './api';

export function ContractsSection({ id }: { id: number }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const { data: contracts, error, reload } = useData(async () => (await centresApi.contracts(id)).items, [id]);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null); // the CIG of the contract just saved
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
            reload();
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
                    {t('contracts.vatRate')}
                  </th>
                  <th scope="col" class="text-end">
                    {t('contracts.grossPrice')}
                  </th>
                  <th scope="col" class="text-end">
                    {t('contracts.pocketMoney')}
                  </th>
                  <th scope="col" class="text-end">
                    {t('contracts.familyCap')}
                  </th>
                  <th scope="col" class="text-end">
                    {t('contracts.phoneCard')}
                  </th>
                  <th scope="col" class="text-end">
                    {t('contracts.kit')}
                  </th>
                  <th scope="col">{t('contracts.manager')}</th>
                </tr>
              </thead>
              <tbody>
                {contracts.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" class="fw-normal">
                      {/* The lot page lists the other centres under the same CIG. */}
                      <Link href={`/lots?q=${encodeURIComponent(c.cig)}`} data-testid="contract-lot">
                        <bdi dir="ltr">{c.cig}</bdi>
                        <span class="visually-hidden"> {t('contracts.openLot')}</span>
                      </Link>
                    </th>
                    <td>{t('contracts.periodValue', { from: formatDay(c.start_date, lang), to: formatDay(c.end_date, lang) })}</td>
                    <td class="text-end">{c.places}</td>
                    <td class="text-end">{formatEuro(c.price_cents, lang)}</td>
                    <td class="text-end">{c.vat_rate_percent ? formatPercent(c.vat_rate_percent, lang) : t('contracts.vatExempt')}</td>
                    <td class="text-end">{formatEuro(c.price_cents + vatCents(c.price_cents, c.vat_rate_percent), lang)}</td>
                    <td class="text-end">{formatEuro(c.pocket_money_cents, lang)}</td>
                    <td class="text-end">{formatEuro(c.pocket_money_family_cap_cents, lang)}</td>
                    <td class="text-end" data-testid="contract-phone-card">
                      {formatEuro(c.phone_card_cents, lang)}
                    </td>
                    <td class="text-end" data-testid="contract-kit">
                      {formatEuro(c.kit_cents, lang)}
                    </td>
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
