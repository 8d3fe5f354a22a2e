// A citizen's status lookup (issue 13 point 6): the protocol number of the receipt and the date of
// birth, sent in a POST body (never in the address). The answer says where the file stands in
// plain words: the procedure, the current step and its office, the documents still missing, the
// day the law sets for the answer. A wrong number or date gets one message that does not say which
// (the API answers the same 404 for both); too many tries, how long to wait (429).
import { useState } from 'preact/hooks';
import { formatDay, today } from '../../lib/dates';
import { PortalApiError } from '../api';
import { t, type PortalLang } from '../i18n';
import { describeError, languageName, usePageTitle } from '../parts';
import { proceduresApi, type FileStatus } from './api';
import { otherLang } from './GuidesPage';
import { pt } from './texts';

type Field = 'protocol_number' | 'birth_date';
type Problems = Partial<Record<Field, string>>;

function check(protocol: string, birth: string): Problems {
  const out: Problems = {};
  if (!protocol.trim()) out.protocol_number = pt('status.required');
  if (!birth) out.birth_date = pt('status.required');
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(birth) || birth > today()) out.birth_date = pt('status.badDate');
  return out;
}

function Answer({ s, lang }: { s: FileStatus; lang: PortalLang }) {
  const italian = otherLang(s.current_step_lang, lang);
  return (
    <section class="portal-section portal-card" data-testid="status-answer" aria-labelledby="status-answer-title">
      <h2 id="status-answer-title" class="h4">
        {pt('status.answerTitle')}
      </h2>
      <dl class="mb-0">
        <dt>{pt('status.procedure')}</dt>
        <dd lang={otherLang(s.procedure_name_lang, lang)} data-testid="status-procedure">
          {s.procedure_name}
        </dd>
        <dt>{pt('status.where')}</dt>
        <dd data-testid="status-state">
          <p class="mb-1">{s.status === 'closed' && s.outcome ? pt(`status.outcomes.${s.outcome}`) : pt(`status.states.${s.state}`)}</p>
          {s.status === 'open' && s.current_step ? (
            <p class="mb-0">
              {pt('status.step')} <strong lang={italian}>{s.current_step}</strong>
              {s.current_step_office ? (
                <>
                  {' '}
                  ({pt('status.office')} <span lang={otherLang('it', lang)}>{s.current_step_office}</span>)
                </>
              ) : null}
            </p>
          ) : null}
        </dd>
        <dt>{pt('status.missing')}</dt>
        <dd data-testid="status-missing">
          {s.missing_documents.length === 0 ? (
            pt('status.noneMissing')
          ) : (
            <ul class="mb-0" lang={otherLang(s.missing_documents_lang, lang)}>
              {s.missing_documents.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </dd>
        {s.status === 'open' ? (
          <>
            <dt>{pt('status.due')}</dt>
            <dd data-testid="status-due">{s.due_on ? formatDay(s.due_on, lang) : pt('status.noDue')}</dd>
          </>
        ) : null}
      </dl>
      {italian ? <p class="portal-note mt-2">{t('service.notTranslated', { language: languageName(s.current_step_lang, lang) })}</p> : null}
    </section>
  );
}

export function StatusPage({ lang }: { lang: PortalLang }) {
  usePageTitle(pt('status.title'));
  const [protocol, setProtocol] = useState('');
  const [birth, setBirth] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<FileStatus | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    const found = check(protocol, birth);
    setProblems(found);
    setAnswer(null);
    setRefusal(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.protocol_number ? 'status-protocol' : 'status-birth')?.focus();
      return;
    }
    setBusy(true);
    try {
      setAnswer(await proceduresApi.lookup(protocol.trim(), birth));
    } catch (error) {
      setRefusal(error instanceof PortalApiError && error.status === 404 ? pt('status.notFound') : describeError(error));
    } finally {
      setBusy(false);
    }
  }

  const described = (field: Field, hint?: string) => [problems[field] ? `${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1} class="portal-h1">
        {pt('status.title')}
      </h1>
      <p>{pt('status.intro')}</p>
      <form noValidate onSubmit={submit} data-testid="status-form" class="portal-form">
        <div class="mb-3">
          <label for="status-protocol" class="form-label">
            {pt('status.protocol')}
          </label>
          <input
            id="status-protocol"
            name="protocol_number"
            class={`form-control${problems.protocol_number ? ' is-invalid' : ''}`}
            dir="ltr"
            autocomplete="off"
            maxLength={60}
            value={protocol}
            aria-invalid={problems.protocol_number ? 'true' : undefined}
            aria-describedby={described('protocol_number', 'status-protocol-hint')}
            onInput={(e) => setProtocol((e.target as HTMLInputElement).value)}
            data-testid="status-protocol"
          />
          <div id="status-protocol-hint" class="form-text">
            {pt('status.protocolHint')}
          </div>
          {problems.protocol_number ? (
            <div id="protocol_number-error" class="portal-field-error mb-0" data-testid="status-protocol-error">
              {problems.protocol_number}
            </div>
          ) : null}
        </div>
        <div class="mb-3">
          <label for="status-birth" class="form-label">
            {pt('status.birthDate')}
          </label>
          <input
            id="status-birth"
            name="birth_date"
            type="date"
            class={`form-control${problems.birth_date ? ' is-invalid' : ''}`}
            autocomplete="bday"
            max={today()}
            value={birth}
            aria-invalid={problems.birth_date ? 'true' : undefined}
            aria-describedby={described('birth_date')}
            onInput={(e) => setBirth((e.target as HTMLInputElement).value)}
            data-testid="status-birth"
          />
          {problems.birth_date ? (
            <div id="birth_date-error" class="portal-field-error mb-0" data-testid="status-birth-error">
              {problems.birth_date}
            </div>
          ) : null}
        </div>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="status-submit">
          {pt('status.submit')}
        </button>
        <p class="portal-note mt-2">{pt('status.privacy')}</p>
      </form>
      <div aria-live="polite">
        {refusal ? (
          <div class="alert alert-danger mt-3" role="alert" data-testid="status-refusal">
            {refusal}
          </div>
        ) : null}
        {answer ? <Answer s={answer} lang={lang} /> : null}
      </div>
    </div>
  );
}
