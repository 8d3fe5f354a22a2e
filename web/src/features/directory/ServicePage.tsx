// A listing as the staff see it (decision 0038): its state (verified when and by whom, flagged
// when due), the edit form (a provider proposes, a moderator may apply at once), the verify button
// and the changes proposed for it with their state and, when rejected, the reason.
import { useEffect, useState } from 'preact/hooks';
import { usePageTitle } from '../../components/PageTitle';
import { CheckboxField, LoadState, Notice, SelectField, TextAreaField, TextField } from '../../components/forms';
import { formatDateTime, formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, useLocation } from '../../lib/router';
import { useData } from '../../lib/useData';
import { type ChangeBody, type ChangeFields, type ListingDetail, TRANSLATED_FIELDS, TRANSLATION_LANGUAGES, describeValue, directoryApi } from './api';
import { describe } from './errors';

type Phone = ChangeFields['phones'][number];
type Opening = ChangeFields['openings'][number];
type Translation = ChangeFields['translations'][number];
type Lang = (typeof TRANSLATION_LANGUAGES)[number];

interface Form {
  name: string;
  description: string;
  eligibility_description: string;
  application_process: string;
  phones: Phone[];
  openings: Opening[];
  languages: string;
  translations: Translation[];
}

function formOf(d: ListingDetail): Form {
  return {
    name: d.fields.name,
    description: d.fields.description ?? '',
    eligibility_description: d.fields.eligibility_description ?? '',
    application_process: d.fields.application_process ?? '',
    phones: d.fields.phones,
    openings: d.fields.openings,
    languages: d.fields.languages.join(', '),
    translations: d.fields.translations,
  };
}

/** Only what the form changed: the server queues a change of those fields alone. */
function changed(before: Form, after: Form): ChangeBody {
  const out: ChangeBody = {};
  const text = ['description', 'eligibility_description', 'application_process'] as const;
  if (after.name !== before.name) out.name = after.name;
  for (const k of text) if (after[k] !== before[k]) out[k] = after[k] || null;
  if (JSON.stringify(after.phones) !== JSON.stringify(before.phones)) out.phones = after.phones.filter((p) => p.number.trim());
  if (JSON.stringify(after.openings) !== JSON.stringify(before.openings)) out.openings = after.openings;
  if (after.languages !== before.languages)
    out.languages = after.languages
      .split(/[ ,;]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
  const translations = after.translations.filter((t) => {
    const old = before.translations.find((b) => b.language === t.language && b.field === t.field);
    return (old?.text ?? '') !== t.text;
  });
  if (translations.length) out.translations = translations;
  return out;
}

export function ServicePage({ id }: { id: string }) {
  const { t, lang } = useT();
  const loc = useLocation();
  const suggestion = Number(loc.query.get('suggestion')) || null;
  const detail = useData(() => directoryApi.listing(id), [id]);
  const [form, setForm] = useState<Form | null>(null);
  const [direct, setDirect] = useState(true);
  const [note, setNote] = useState('');
  const [trLang, setTrLang] = useState<Lang>('en');
  const [message, setMessage] = useState<{ kind: 'success' | 'warning'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (detail.data) setForm(formOf(detail.data));
  }, [detail.data]);
  usePageTitle(detail.data?.name ?? t('directory.service.title'));

  const act = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await what();
      setMessage({ kind: 'success', text: done });
      detail.reload();
    } catch (err) {
      setMessage({ kind: 'warning', text: describe(err, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <LoadState error={detail.error} ready={detail.data !== null && form !== null}>
      {() => {
        const d = detail.data!;
        const f = form!;
        const set = <K extends keyof Form>(k: K) => (v: Form[K]) => setForm({ ...f, [k]: v });
        const moderator = d.may_edit_directly;
        const applyNow = moderator && direct;
        const trText = (field: string) => f.translations.find((x) => x.language === trLang && x.field === field)?.text ?? '';
        const setTr = (field: string, text: string) =>
          setForm({ ...f, translations: [...f.translations.filter((x) => !(x.language === trLang && x.field === field)), { language: trLang, field, text }] });
        return (
          <>
            <p>
              <Link href="/directory/services">{t('directory.service.back')}</Link>
            </p>
            <h1 id="main-heading" tabIndex={-1}>
              {d.name}
            </h1>
            <p data-testid="directory-verified">
              {d.last_verified_on
                ? t('directory.service.verifiedOn', { date: formatDay(d.last_verified_on, lang), name: d.verified_by ?? '—' })
                : t('directory.neverVerified')}
              {d.stale ? <span class="badge bg-warning text-dark ms-2">{t('directory.stale')}</span> : null}{' '}
              <button type="button" class="btn btn-outline-primary btn-sm ms-2" disabled={busy} data-testid="directory-verify" onClick={() => act(() => directoryApi.verify(id), t('directory.service.verified'))}>
                {t('directory.service.verify')}
              </button>
            </p>
            {message ? (
              <div role="status" data-testid="directory-message">
                <Notice kind={message.kind}>{message.text}</Notice>
              </div>
            ) : null}
            <h2 class="h3 mt-4">{applyNow ? t('directory.service.editTitle') : t('directory.service.proposeTitle')}</h2>
            <p>{applyNow ? t('directory.service.editIntro') : t('directory.service.proposeIntro')}</p>
            <form
              data-testid="directory-form"
              onSubmit={(e) => {
                e.preventDefault();
                const body = changed(formOf(d), f);
                if (Object.keys(body).length === 0) {
                  setMessage({ kind: 'warning', text: t('directory.errors.no_changes') });
                  return;
                }
                if (note) body.note = note;
                if (applyNow) body.direct = true;
                if (suggestion && moderator) body.suggestion_id = suggestion;
                void act(() => directoryApi.propose(id, body), applyNow ? t('directory.service.applied') : t('directory.service.proposed'));
              }}
            >
              <TextField id="dir-name" label={t('directory.fields.name')} required value={f.name} onValue={set('name')} />
              <TextAreaField id="dir-description" label={t('directory.fields.description')} value={f.description} onValue={set('description')} maxLength={4000} />
              <TextAreaField id="dir-eligibility" label={t('directory.fields.eligibility_description')} value={f.eligibility_description} onValue={set('eligibility_description')} maxLength={4000} />
              <TextAreaField id="dir-application" label={t('directory.fields.application_process')} value={f.application_process} onValue={set('application_process')} maxLength={4000} />
              <fieldset class="mb-4">
                <legend class="h5">{t('directory.fields.phones')}</legend>
                {f.phones.map((p, i) => (
                  <div class="row" key={i}>
                    <div class="col-12 col-md-5">
                      <TextField id={`dir-phone-${i}`} label={t('directory.service.phoneNumber', { n: i + 1 })} value={p.number} onValue={(v) => set('phones')(f.phones.map((x, j) => (j === i ? { ...x, number: v } : x)))} />
                    </div>
                    <div class="col-12 col-md-5">
                      <TextField id={`dir-phone-desc-${i}`} label={t('directory.service.phoneDescription', { n: i + 1 })} value={p.description ?? ''} onValue={(v) => set('phones')(f.phones.map((x, j) => (j === i ? { ...x, description: v || null } : x)))} />
                    </div>
                    <div class="col-12 col-md-2 mb-4 d-flex align-items-end">
                      <button type="button" class="btn btn-outline-danger btn-sm" onClick={() => set('phones')(f.phones.filter((_, j) => j !== i))}>
                        {t('directory.service.remove')}
                      </button>
                    </div>
                  </div>
                ))}
                <button type="button" class="btn btn-outline-primary btn-sm" onClick={() => set('phones')([...f.phones, { number: '', description: null }])}>
                  {t('directory.service.addPhone')}
                </button>
              </fieldset>
              <fieldset class="mb-4">
                <legend class="h5">{t('directory.fields.openings')}</legend>
                {f.openings.map((o, i) => (
                  <div class="row" key={i}>
                    <div class="col-12 col-md-4">
                      <SelectField<string>
                        id={`dir-day-${i}`}
                        label={t('directory.service.weekday', { n: i + 1 })}
                        value={String(o.weekday)}
                        onValue={(v) => set('openings')(f.openings.map((x, j) => (j === i ? { ...x, weekday: Number(v) } : x)))}
                        options={[1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: String(n), label: t(`directory.weekdays.${n}`) }))}
                      />
                    </div>
                    <div class="col-6 col-md-3">
                      <TextField id={`dir-opens-${i}`} label={t('directory.service.opensAt')} type="time" value={o.opens_at} onValue={(v) => set('openings')(f.openings.map((x, j) => (j === i ? { ...x, opens_at: v } : x)))} />
                    </div>
                    <div class="col-6 col-md-3">
                      <TextField id={`dir-closes-${i}`} label={t('directory.service.closesAt')} type="time" value={o.closes_at} onValue={(v) => set('openings')(f.openings.map((x, j) => (j === i ? { ...x, closes_at: v } : x)))} />
                    </div>
                    <div class="col-12 col-md-2 mb-4 d-flex align-items-end">
                      <button type="button" class="btn btn-outline-danger btn-sm" onClick={() => set('openings')(f.openings.filter((_, j) => j !== i))}>
                        {t('directory.service.remove')}
                      </button>
                    </div>
                  </div>
                ))}
                <button type="button" class="btn btn-outline-primary btn-sm" onClick={() => set('openings')([...f.openings, { weekday: 1, opens_at: '09:00', closes_at: '13:00' }])}>
                  {t('directory.service.addOpening')}
                </button>
              </fieldset>
              <TextField id="dir-languages" label={t('directory.fields.languages')} hint={t('directory.service.languagesHint')} value={f.languages} onValue={set('languages')} />
              <fieldset class="mb-4">
                <legend class="h5">{t('directory.fields.translations')}</legend>
                <SelectField<Lang> id="dir-tr-lang" label={t('directory.service.translationLanguage')} value={trLang} onValue={setTrLang} options={TRANSLATION_LANGUAGES.map((l) => ({ value: l, label: t(`directory.languages.${l}`) }))} />
                {TRANSLATED_FIELDS.map((field) =>
                  field === 'name' ? (
                    <TextField key={field} id={`dir-tr-${field}`} label={t('directory.service.translated', { field: t(`directory.fields.${field}`) })} value={trText(field)} onValue={(v) => setTr(field, v)} />
                  ) : (
                    <TextAreaField key={field} id={`dir-tr-${field}`} label={t('directory.service.translated', { field: t(`directory.fields.${field}`) })} value={trText(field)} onValue={(v) => setTr(field, v)} maxLength={4000} />
                  ),
                )}
              </fieldset>
              <TextAreaField id="dir-note" label={t('directory.service.note')} value={note} onValue={setNote} maxLength={1000} />
              {moderator ? <CheckboxField id="dir-direct" label={t('directory.service.applyNow')} checked={direct} onValue={setDirect} /> : null}
              <button type="submit" class="btn btn-primary" disabled={busy} data-testid="directory-submit">
                {applyNow ? t('directory.service.apply') : t('directory.service.propose')}
              </button>
            </form>
            <h2 class="h3 mt-5">{t('directory.service.changesTitle')}</h2>
            {d.changes.length === 0 ? <p>{t('directory.service.noChanges')}</p> : null}
            <ul class="list-unstyled" data-testid="directory-changes">
              {d.changes.map((c) => (
                <li key={c.id} class="mb-3 border-bottom pb-2">
                  <strong>{t(`directory.states.${c.state}`)}</strong> · {t('directory.service.proposedBy', { name: c.proposed_by ?? '—', date: formatDateTime(c.proposed_at, lang) })}
                  {c.reason ? <p class="mb-0">{t('directory.service.reason', { reason: c.reason })}</p> : null}
                  <ul>
                    {Object.entries(c.fields).map(([k, v]) => (
                      <li key={k}>
                        {t(`directory.fields.${k}`)}: {describeValue(k, v, t)}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        );
      }}
    </LoadState>
  );
}
