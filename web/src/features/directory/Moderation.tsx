// The moderation queue (decision 0038): the providers' pending changes, each with what it will
// change (now -> proposed), approved or rejected after a confirmation that shows it; and the
// public's suggestions, handled with a note, turned into a change (the service's form, which then
// marks it handled) or rejected.
import { useState } from 'preact/hooks';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { usePageTitle } from '../../components/PageTitle';
import { LoadState, Notice, TextAreaField } from '../../components/forms';
import { formatDateTime, formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { type Change, type Suggestion, describeValue, directoryApi } from './api';
import { describe } from './errors';

export function Moderation() {
  const { t, lang } = useT();
  usePageTitle(t('directory.moderation.title'));
  const changes = useData(() => directoryApi.changes({ state: 'pending', per_page: 100 }), []);
  const suggestions = useData(() => directoryApi.suggestions({ state: 'pending', per_page: 100 }), []);
  const { ask, dialog } = useConfirm();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'warning'; text: string } | null>(null);

  const run = async (what: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await what();
      setMessage({ kind: 'success', text: done });
      changes.reload();
      suggestions.reload();
    } catch (err) {
      setMessage({ kind: 'warning', text: describe(err, t) });
    }
  };

  const differences = (c: Change) => (
    <ul data-testid="directory-differences">
      {c.differences.map((d) => (
        <li key={d.field}>
          <strong>{t(`directory.fields.${d.field}`)}</strong>: {t('directory.moderation.fromTo', { from: describeValue(d.field, d.current, t), to: describeValue(d.field, d.proposed, t) })}
        </li>
      ))}
    </ul>
  );

  const decide = async (c: Change, approve: boolean) => {
    const reason = (reasons[`c${c.id}`] ?? '').trim();
    if (!approve && !reason) {
      setMessage({ kind: 'warning', text: t('directory.moderation.reasonRequired') });
      return;
    }
    const ok = await ask({
      title: t(approve ? 'directory.moderation.approveTitle' : 'directory.moderation.rejectTitle', { name: c.service.name }),
      body: approve ? (
        <>
          <p>{t('directory.moderation.approveBody')}</p>
          {differences(c)}
        </>
      ) : (
        <Consequences items={[t('directory.moderation.rejectBody'), t('directory.service.reason', { reason })]} />
      ),
      confirmLabel: t(approve ? 'directory.moderation.approve' : 'directory.moderation.reject'),
    });
    if (!ok) return;
    await run(() => (approve ? directoryApi.approve(c.id) : directoryApi.reject(c.id, reason)), t(approve ? 'directory.moderation.approved' : 'directory.moderation.rejected'));
  };

  const decideSuggestion = async (s: Suggestion, handled: boolean) => {
    const note = reasons[`s${s.id}`] ?? '';
    const ok = await ask({
      title: t(handled ? 'directory.moderation.handleTitle' : 'directory.moderation.dismissTitle', { name: s.service.name }),
      body: <Consequences items={[s.text, handled ? t('directory.moderation.handleBody') : t('directory.moderation.dismissBody')]} />,
      confirmLabel: t(handled ? 'directory.moderation.handle' : 'directory.moderation.dismiss'),
    });
    if (!ok) return;
    await run(() => (handled ? directoryApi.handle(s.id, note) : directoryApi.rejectSuggestion(s.id, note)), t('directory.moderation.done'));
  };

  return (
    <>
      <h1 id="main-heading" tabIndex={-1}>
        {t('directory.moderation.title')}
      </h1>
      {message ? (
        <div role="status" data-testid="directory-message">
          <Notice kind={message.kind}>{message.text}</Notice>
        </div>
      ) : null}
      <h2 class="h3">{t('directory.moderation.changes', { count: changes.data?.total ?? 0 })}</h2>
      <LoadState error={changes.error} ready={changes.data !== null}>
        {() => (
          <ul class="list-unstyled" data-testid="directory-pending-changes">
            {changes.data!.items.length === 0 ? <li>{t('directory.moderation.noChanges')}</li> : null}
            {changes.data!.items.map((c) => (
              <li key={c.id} class="mb-4 border-bottom pb-3" data-testid="directory-change">
                <h3 class="h5">
                  <Link href={`/directory/services/${c.service.id}`}>{c.service.name}</Link>
                </h3>
                <p class="mb-1">{t('directory.service.proposedBy', { name: c.proposed_by ?? '—', date: formatDateTime(c.proposed_at, lang) })}</p>
                {c.note ? <p class="mb-1">{t('directory.moderation.note', { note: c.note })}</p> : null}
                {c.differences.length ? differences(c) : <p>{t('directory.moderation.nothingLeft')}</p>}
                <TextAreaField id={`reason-${c.id}`} label={t('directory.moderation.reason')} value={reasons[`c${c.id}`] ?? ''} onValue={(v) => setReasons({ ...reasons, [`c${c.id}`]: v })} maxLength={1000} rows={2} />
                <div class="d-flex gap-2">
                  <button type="button" class="btn btn-primary btn-sm" data-testid="directory-approve" onClick={() => decide(c, true)}>
                    {t('directory.moderation.approve')}
                  </button>
                  <button type="button" class="btn btn-outline-danger btn-sm" data-testid="directory-reject" onClick={() => decide(c, false)}>
                    {t('directory.moderation.reject')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
      <h2 class="h3 mt-5">{t('directory.moderation.suggestions', { count: suggestions.data?.total ?? 0 })}</h2>
      <LoadState error={suggestions.error} ready={suggestions.data !== null}>
        {() => (
          <ul class="list-unstyled" data-testid="directory-suggestions">
            {suggestions.data!.items.length === 0 ? <li>{t('directory.moderation.noSuggestions')}</li> : null}
            {suggestions.data!.items.map((s) => (
              <li key={s.id} class="mb-4 border-bottom pb-3">
                <h3 class="h5">
                  <Link href={`/directory/services/${s.service.id}`}>{s.service.name}</Link>
                </h3>
                <p class="mb-1">
                  {t(`directory.suggestionFields.${s.field}`)} · {formatDay(s.received_on, lang)}
                </p>
                <blockquote class="border-start ps-3">{s.text}</blockquote>
                <TextAreaField id={`note-${s.id}`} label={t('directory.moderation.noteLabel')} value={reasons[`s${s.id}`] ?? ''} onValue={(v) => setReasons({ ...reasons, [`s${s.id}`]: v })} maxLength={1000} rows={2} />
                <div class="d-flex flex-wrap gap-2">
                  <button type="button" class="btn btn-primary btn-sm" onClick={() => decideSuggestion(s, true)}>
                    {t('directory.moderation.handle')}
                  </button>
                  <Link class="btn btn-outline-primary btn-sm" href={`/directory/services/${s.service.id}?suggestion=${s.id}`}>
                    {t('directory.moderation.toChange')}
                  </Link>
                  <button type="button" class="btn btn-outline-danger btn-sm" onClick={() => decideSuggestion(s, false)}>
                    {t('directory.moderation.dismiss')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
      {dialog}
    </>
  );
}
