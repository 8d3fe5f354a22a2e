// The money beside the daily price of a centre's month, one line per item: due, handed over and
// the difference (the monthly costs, the reconciliation and the handovers page show the same table).
import { TableRegion } from '../../components/TableRegion';
import { useT } from '../../lib/i18n';
import { formatEuro } from '../../lib/money';
import type { MoneyLine } from './api';

export function MoneyLines({ lines, caption, testId = 'money-lines' }: { lines: MoneyLine[]; caption: string; testId?: string }) {
  const { t, lang } = useT();
  const eur = (c: number) => formatEuro(c, lang);
  const counted = (pieces: number | null | undefined, cents: number) =>
    pieces === null || pieces === undefined ? eur(cents) : [t('handovers.pieces', { count: pieces }), eur(cents)].join(' · ');
  return (
    <TableRegion label={caption} small testId={testId}>
      <thead>
        <tr>
          <th scope="col">{t('handovers.item')}</th>
          <th scope="col" class="text-end">
            {t('handovers.due')}
          </th>
          <th scope="col" class="text-end">
            {t('handovers.handedOver')}
          </th>
          <th scope="col" class="text-end">
            {t('handovers.difference')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.item} data-item={l.item}>
            <th scope="row" class="fw-normal">
              {t(`handovers.items.${l.item}`)}
            </th>
            <td class="text-end">{counted(l.due_count, l.due_cents)}</td>
            <td class="text-end">{counted(l.handed_over_count, l.handed_over_cents)}</td>
            <td class={`text-end${l.difference_cents < 0 || (l.handed_over_count ?? 0) < (l.due_count ?? 0) ? ' fw-semibold text-danger' : ''}`} data-testid={`difference-${l.item}`}>
              {counted(l.due_count === null || l.handed_over_count === null ? null : l.handed_over_count - l.due_count, l.difference_cents)}
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
