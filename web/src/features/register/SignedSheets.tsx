// The day's signed presence sheets: the printed sheet, signed by the guests, scanned and
// uploaded, attached to the day's confirmation (docs/decisions/0016-documents.md).
import { useRef, useState } from 'preact/hooks';
import { Notice } from '../../components/forms';
import { documentsApi, ACCEPTED_TYPES } from '../documents/index';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { formatNumber } from '../../lib/numbers';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { registerApi, type RegisterDay } from './api';
import { dayPath } from './registerParts';

type Upload = { state: 'sending'; sent: number } | { state: 'done'; filename: string } | { state: 'failed'; message: string } | null;

/** The list of attached sheets, the printable sheet and, for the case worker, the upload. */
export function SignedSheets({ id, report, record }: { id: number; report: RegisterDay; record: boolean }) {
  const { t, lang } = useT();
  const { data, error, reload } = useData(() => registerApi.sheets(id, report.day), [id, report.day, report.confirmations.length]);
  const [upload, setUpload] = useState<Upload>(null);
  const input = useRef<HTMLInputElement>(null);
  const confirmed = report.confirmations.length > 0;
  const sheets = data?.items ?? [];

  const reason = (err: unknown) => {
    if (err instanceof ApiError) {
      if (err.code === 'unsupported_media_type') return t('register.sheets.wrongType');
      if (err.code === 'truncated_file') return t('register.sheets.truncated');
      if (err.code === 'body_too_large') return t('register.sheets.tooLarge');
    }
    return describeError(err, t);
  };

  const send = async (e: Event) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setUpload({ state: 'failed', message: t('register.sheets.chooseFile') });
      input.current?.focus();
      return;
    }
    setUpload({ state: 'sending', sent: 0 });
    try {
      const doc = await documentsApi.upload(file, (sent) => setUpload({ state: 'sending', sent }));
      await registerApi.attachSheet(id, report.day, doc.id);
      setUpload({ state: 'done', filename: doc.filename });
      if (input.current) input.current.value = '';
      reload();
    } catch (err) {
      setUpload({ state: 'failed', message: reason(err) });
    }
  };

  return (
    <section aria-labelledby="register-sheets-heading" class="mb-5 no-print" data-testid="register-sheets">
      <h2 id="register-sheets-heading" class="h3">
        {t('register.sheets.heading')}
      </h2>
      <p>{t('register.sheets.intro')}</p>
      <p>
        <Link href={`${dayPath(id, report.day)}/sheet`} data-testid="register-sheet-print">
          {t('register.sheets.printLink')}
        </Link>
      </p>
      {error ? <p class="text-danger">{describeError(error, t)}</p> : null}
      {sheets.length ? (
        <>
          <p>{t('register.sheets.attached', { count: sheets.length })}</p>
          <ul data-testid="register-sheet-list">
            {sheets.map((s) => (
              <li key={s.id}>
                <a href={documentsApi.contentUrl(s.id)} download={s.filename}>
                  <bdi>{s.filename}</bdi>
                </a>{' '}
                <span class="small">{t('register.sheets.size', { size: formatNumber(Math.max(1, Math.round(s.size / 1024)), lang) })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : data ? (
        <p data-testid="register-no-sheets">{t('register.sheets.none')}</p>
      ) : null}
      {record && confirmed ? (
        <form onSubmit={send} noValidate class="mt-3" aria-labelledby="register-sheet-upload-label">
          <div class="mb-3">
            <label id="register-sheet-upload-label" for="register-sheet-file" class="form-label fw-semibold">
              {t('register.sheets.fileLabel')}
            </label>
            <input
              ref={input}
              id="register-sheet-file"
              type="file"
              class="form-control"
              accept={ACCEPTED_TYPES}
              aria-describedby="register-sheet-file-hint"
              data-testid="register-sheet-file"
            />
            <div id="register-sheet-file-hint" class="form-text">
              {t('register.sheets.fileHint')}
            </div>
          </div>
          <div class="d-flex flex-wrap align-items-center gap-3">
            <button type="submit" class="btn btn-primary" disabled={upload?.state === 'sending'} data-testid="register-sheet-upload">
              {t('register.sheets.upload')}
            </button>
            <div aria-live="polite" data-testid="register-sheet-feedback">
              {upload?.state === 'sending' ? (
                <span>
                  <progress max={100} value={Math.round(upload.sent * 100)} aria-label={t('register.sheets.progressLabel')} />{' '}
                  {t('register.sheets.sending', { percent: formatNumber(Math.round(upload.sent * 100), lang) })}
                </span>
              ) : null}
              {upload?.state === 'done' ? <Notice kind="success">{t('register.sheets.uploaded', { filename: upload.filename })}</Notice> : null}
              {upload?.state === 'failed' ? (
                <div class="alert alert-danger mb-0" role="alert">
                  {upload.message}
                </div>
              ) : null}
            </div>
          </div>
        </form>
      ) : record ? (
        <p>{t('register.sheets.confirmFirst')}</p>
      ) : null}
    </section>
  );
}
