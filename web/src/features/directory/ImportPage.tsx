// The admin's HSDS upload (decision 0038): a .zip of a data package or a .json file, sent with
// the browser's upload progress, then imported on the server as `innet import hsds` does (all or
// nothing) while this page polls the job's phase and progress; every refused value is listed as
// file:row: field: reason.
import { useEffect, useState } from 'preact/hooks';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { Notice } from '../../components/forms';
import { useT } from '../../lib/i18n';
import { describeFieldError } from '../../lib/errors';
import { formatNumber } from '../../lib/numbers';
import { type ImportJob, directoryApi } from './api';
import { describe } from './errors';

const POLL_MS = 500;

export function ImportPage() {
  const { t, lang } = useT();
  usePageTitle(t('directory.import.title'));
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(() => {
      directoryApi.importJob(job.id).then(setJob, (err) => setError(describe(err, t)));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  const start = async () => {
    if (!file) return;
    setError(null);
    setJob(null);
    setSent(0);
    try {
      setJob(await directoryApi.upload(file, setSent));
    } catch (err) {
      setError(describe(err, t));
    } finally {
      setSent(null);
    }
  };

  // Half the bar for sending the file, half for the server's work.
  const progress = sent !== null ? Math.round(sent * 50) : job ? 50 + Math.round(job.progress / 2) : 0;
  const busy = sent !== null || job?.state === 'running';
  return (
    <>
      <h1 id="main-heading" tabIndex={-1}>
        {t('directory.import.title')}
      </h1>
      <p class="lead">{t('directory.import.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <div class="mb-4">
          <label class="form-label fw-semibold" for="hsds-file">
            {t('directory.import.file')}
          </label>
          <input id="hsds-file" class="form-control" type="file" accept=".zip,.json,application/zip,application/json" aria-describedby="hsds-file-hint" onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
          <div id="hsds-file-hint" class="form-text">
            {t('directory.import.hint')}
          </div>
        </div>
        <button type="submit" class="btn btn-primary" disabled={!file || busy} data-testid="hsds-upload">
          {t('directory.import.start')}
        </button>
      </form>
      {busy || job ? (
        <div class="mt-4">
          <div class="progress" role="progressbar" aria-label={t('directory.import.progress')} aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100} data-testid="hsds-progress">
            <div class="progress-bar" style={{ width: `${progress}%` }} />
          </div>
          <p role="status" class="mt-2" data-testid="hsds-phase">
            {sent !== null ? t('directory.import.sending') : job ? t(`directory.import.phases.${job.phase}`) : ''}
          </p>
        </div>
      ) : null}
      {error ? <Notice kind="warning">{error}</Notice> : null}
      {job?.state === 'done' ? (
        <div data-testid="hsds-done">
          <Notice kind="success">{t('directory.import.done', { count: job.records, changed: formatNumber(job.changed, lang) })}</Notice>
        </div>
      ) : null}
      {job?.state === 'failed' ? <Notice kind="warning">{t('directory.import.failed', { error: job.error ?? '' })}</Notice> : null}
      {job?.state === 'refused' ? (
        <>
          <Notice kind="warning">{t('directory.import.refused', { count: job.rejections.length })}</Notice>
          <TableRegion label={t('directory.import.rejections')} testId="hsds-rejections">
            <thead>
              <tr>
                <th scope="col">{t('directory.import.where')}</th>
                <th scope="col">{t('directory.import.field')}</th>
                <th scope="col">{t('directory.import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {job.rejections.map((r, i) => (
                <tr key={i}>
                  <td>
                    <code>
                      {r.file}:{r.row}
                    </code>
                  </td>
                  <td>
                    <code>{r.field || '—'}</code>
                  </td>
                  <td>{describeFieldError({ code: r.code, message: r.message, params: r.params as Record<string, never> }, t)}</td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        </>
      ) : null}
    </>
  );
}
