// "Did you get help?": anonymous, nothing personal asked (POST .../feedback). The reader's
// language starts as the page's; they may change it or leave it out.
import { useState } from 'preact/hooks';
import { directoryApi } from '../api';
import { PORTAL_LANGUAGES, t, type PortalLang } from '../i18n';
import { languageName, SPOKEN_LANGUAGES } from '../parts';
import { Refused, Thanks, useSend } from './sendState';

export function FeedbackForm({ id, lang }: { id: string; lang: PortalLang }) {
  const [state, send] = useSend();
  const [missing, setMissing] = useState(false);
  return (
    <section class="portal-form-card" aria-labelledby="feedback-heading" data-testid="feedback">
      <h2 id="feedback-heading" class="h4">
        {t('feedback.title')}
      </h2>
      {state.kind === 'done' ? (
        <Thanks text={t('feedback.thanks')} testid="feedback-thanks" />
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const helped = data.get('helped');
            if (helped !== 'yes' && helped !== 'no') {
              setMissing(true);
              document.getElementById('helped-yes')?.focus();
              return;
            }
            setMissing(false);
            const quality = Number(data.get('quality')) || null;
            const language = String(data.get('language') ?? '') || null;
            send(() => directoryApi.feedback(id, { helped: helped === 'yes', quality, language }));
          }}
        >
          <p class="portal-note">{t('feedback.anonymous')}</p>
          <fieldset class="mb-3" aria-describedby={missing ? 'helped-error' : undefined}>
            <legend class="portal-legend">{t('feedback.helped')}</legend>
            <div class="form-check form-check-inline">
              <input class="form-check-input" type="radio" name="helped" id="helped-yes" value="yes" aria-invalid={missing || undefined} />
              <label class="form-check-label" for="helped-yes">
                {t('feedback.yes')}
              </label>
            </div>
            <div class="form-check form-check-inline">
              <input class="form-check-input" type="radio" name="helped" id="helped-no" value="no" aria-invalid={missing || undefined} />
              <label class="form-check-label" for="helped-no">
                {t('feedback.no')}
              </label>
            </div>
            {missing ? (
              <p id="helped-error" class="portal-field-error mb-0">
                {t('feedback.chooseOne')}
              </p>
            ) : null}
          </fieldset>
          <fieldset class="mb-3">
            <legend class="portal-legend">{t('feedback.quality')}</legend>
            <div class="portal-stars">
              {[1, 2, 3, 4, 5].map((n) => (
                <div class="form-check form-check-inline" key={n}>
                  <input class="form-check-input" type="radio" name="quality" id={`quality-${n}`} value={n} />
                  <label class="form-check-label" for={`quality-${n}`}>
                    <span aria-hidden="true">{n}</span>
                    <span class="visually-hidden">{t('feedback.qualityValue', { count: n })}</span>
                  </label>
                </div>
              ))}
            </div>
            <p class="form-text mb-0">{t('feedback.qualityScale')}</p>
          </fieldset>
          <div class="mb-3">
            <label for="feedback-language" class="form-label">
              {t('feedback.language')}
            </label>
            <select id="feedback-language" name="language" class="form-select">
              <option value="">{t('feedback.noLanguage')}</option>
              {[...PORTAL_LANGUAGES.map((l) => l.code as string), ...SPOKEN_LANGUAGES.filter((c) => !PORTAL_LANGUAGES.some((l) => l.code === c))].map((code) => (
                <option key={code} value={code} selected={code === lang}>
                  {languageName(code, lang)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="btn btn-primary" disabled={state.kind === 'sending'} data-testid="feedback-submit">
            {state.kind === 'sending' ? t('common.sending') : t('feedback.send')}
          </button>
          {state.kind === 'failed' ? <Refused message={state.message} testid="feedback-refused" /> : null}
        </form>
      )}
    </section>
  );
}
