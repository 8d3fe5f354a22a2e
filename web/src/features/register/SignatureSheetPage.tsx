// /centres/:id/register/:day/sheet: the day's presence sheet for the guests to sign, made to be
// printed (styles/_print.scss), signed, scanned and attached to the day (SignedSheets).
import { Icon } from '../../components/Icon';
import { usePageTitle } from '../../components/PageTitle';
import { LoadState } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { registerApi } from './api';
import { dayPath, guestName } from './registerParts';

export function SignatureSheetPage({ id, day }: { id: number; day: string }) {
  const { t, lang } = useT();
  const { data: report, error } = useData(() => registerApi.day(id, day), [id, day]);
  usePageTitle(`${t('register.sheets.printTitle', { day: formatDay(day, lang) })}${report ? ` · ${report.centre.name}` : ''}`);
  return (
    <div class="signature-sheet" data-testid="register-signature-sheet">
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-2 no-print">
        <Link href={dayPath(id, day)} class="back-link d-inline-flex align-items-center mb-3">
          <Icon name="chevron-left" class="icon-primary icon-sm" directional />
          {t('register.sheets.backToDay')}
        </Link>
        <button type="button" class="btn btn-primary mb-3" onClick={() => window.print()} data-testid="register-sheet-print-button">
          {t('register.print')}
        </button>
      </div>
      <h1 id="main-heading" tabIndex={-1}>
        {t('register.sheets.printTitle', { day: formatDay(day, lang) })}
      </h1>
      <LoadState error={error} ready={!!report}>
        {() =>
          report && (
            <>
              <dl class="row">
                <div class="col-8">
                  <dt class="fw-semibold">{t('register.centre')}</dt>
                  <dd>
                    <bdi>{report.centre.name}</bdi>
                    <div>
                      <bdi>{report.centre.address}</bdi>
                    </div>
                  </dd>
                </div>
                <div class="col-4">
                  <dt class="fw-semibold">{t('register.day')}</dt>
                  <dd>{formatDay(report.day, lang)}</dd>
                </div>
              </dl>
              <p>{t('register.sheets.printIntro', { count: report.guests.length })}</p>
              <table class="table signature-table" data-testid="register-signature-table">
                <caption class="visually-hidden">{t('register.sheets.printTitle', { day: formatDay(day, lang) })}</caption>
                <thead>
                  <tr>
                    <th scope="col" class="signature-number">
                      {t('register.sheets.number')}
                    </th>
                    <th scope="col">{t('persons.name')}</th>
                    <th scope="col" class="signature-cell">
                      {t('register.sheets.signatureColumn')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.guests.map((g, i) => (
                    <tr key={g.person_id} data-person={g.person_id}>
                      <td class="signature-number">{i + 1}</td>
                      <th scope="row" class="fw-normal">
                        <bdi>{guestName(g)}</bdi>
                        {g.family_name_original || g.given_names_original ? (
                          <div class="small">
                            <bdi>{`${g.family_name_original ?? ''} ${g.given_names_original ?? ''}`.trim()}</bdi>
                          </div>
                        ) : null}
                      </th>
                      <td class="signature-cell">
                        {/* An absent guest does not sign: the sheet says why the cell stays empty. */}
                        {g.absence ? <span class="small">{t('register.absentWith', { reason: t(`register.reasons.${g.absence.reason}`) })}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div class="signature-line">
                <p>{t('register.signature')}</p>
              </div>
            </>
          )
        }
      </LoadState>
    </div>
  );
}
