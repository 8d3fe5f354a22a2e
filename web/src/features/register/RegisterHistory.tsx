// A day's history: its confirmations and the entries recorded.
import { TableRegion } from '../../components/TableRegion';
import { formatDateTime } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import type { RegisterDay } from './api';
import { guestName } from './registerParts';

export function ConfirmationHistory({ report }: { report: RegisterDay }) {
  const { t, lang } = useT();
  return (
    <section aria-labelledby="register-confirmations-heading" class="mb-5">
      <h2 id="register-confirmations-heading" class="h3">
        {t('register.confirmationsHeading')}
      </h2>
      {report.confirmations.length ? (
        <TableRegion label={t('register.confirmationsHeading')} captionHidden small testId="register-confirmations">
          <thead>
            <tr>
              <th scope="col">{t('register.when')}</th>
              <th scope="col">{t('register.who')}</th>
              <th scope="col">{t('register.kind')}</th>
              <th scope="col" class="text-end">
                {t('register.present')}
              </th>
              <th scope="col" class="text-end">
                {t('register.absent')}
              </th>
              <th scope="col">{t('register.note')}</th>
            </tr>
          </thead>
          <tbody>
            {report.confirmations.map((c) => (
              <tr key={c.id}>
                <th scope="row" class="fw-normal">
                  {formatDateTime(c.confirmed_at, lang)}
                </th>
                <td>
                  <bdi>{c.confirmed_by.display_name}</bdi>
                </td>
                <td>{c.corrects_id ? t('register.reconfirmation') : t('register.firstConfirmation')}</td>
                <td class="text-end">{c.present}</td>
                <td class="text-end">{c.absent}</td>
                <td>{c.note ? <bdi>{c.note}</bdi> : null}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      ) : (
        <p>{t('register.noConfirmations')}</p>
      )}
    </section>
  );
}

/** Every absence entry of the day, withdrawals too: the corrections, in order. */
export function EntryHistory({ report }: { report: RegisterDay }) {
  const { t, lang } = useT();
  const names = new Map(report.guests.map((g) => [g.person_id, guestName(g)]));
  if (!report.entries.length) return null;
  return (
    <section aria-labelledby="register-entries-heading" class="mb-5">
      <h2 id="register-entries-heading" class="h3">
        {t('register.entriesHeading')}
      </h2>
      <TableRegion label={t('register.entriesHeading')} captionHidden small testId="register-entries">
        <thead>
          <tr>
            <th scope="col">{t('register.when')}</th>
            <th scope="col">{t('register.who')}</th>
            <th scope="col">{t('persons.name')}</th>
            <th scope="col">{t('register.kind')}</th>
            <th scope="col">{t('register.note')}</th>
          </tr>
        </thead>
        <tbody>
          {report.entries.map((e) => (
            <tr key={e.id} data-entry={e.id}>
              <th scope="row" class="fw-normal">
                {formatDateTime(e.recorded_at, lang)}
              </th>
              <td>
                <bdi>{e.recorded_by.display_name}</bdi>
              </td>
              <td>
                <bdi>{names.get(e.person_id) ?? `#${e.person_id}`}</bdi>
              </td>
              <td>
                {e.withdraws_id
                  ? t('register.entryWithdrawal')
                  : t('register.entryAbsence', { reason: t(`register.reasons.${e.reason}`) })}
              </td>
              <td>{e.note ? <bdi>{e.note}</bdi> : null}</td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
    </section>
  );
}
