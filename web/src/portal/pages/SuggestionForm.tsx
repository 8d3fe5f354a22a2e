// "Suggest an update": something on the page is wrong or old. It goes to a moderator and is never
// published as written (POST .../suggestions); no name or contact is asked.
import { useState } from 'preact/hooks';
import { directoryApi } from '../api';
import { t } from '../i18n';
import { Refused, Thanks, useSend } from './sendState';

export const SUGGESTION_FIELDS = ['name', 'address', 'hours', 'phone', 'other'] as const;
const MAX = 2000;

export function SuggestionForm({ id }: { id: string }) {
  const [state, send] = useSend();
  const [error, setError] = useState(false);
  const [length, setLength] = useState(0);
  return (
    <section class="portal-form-card" aria-labelledby="suggest-heading" data-testid="suggestion">
      <h2 id="suggest-heading" class="h4">
        {t('suggest.title')}
      </h2>
      {state.kind === 'done' ? (
        <Thanks text={t('suggest.thanks')} testid="suggest-thanks" />
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const text = String(data.get('text') ?? '').trim();
            if (!text) {
              setError(true);
              document.getElementById('suggest-text')?.focus();
              return;
            }
            setError(false);
            send(() => directoryApi.suggestion(id, { text, field: String(data.get('field') ?? 'other') }));
          }}
        >
          <p class="portal-note">{t('suggest.intro')}</p>
          <div class="mb-3">
            <label for="suggest-field" class="form-label">
              {t('suggest.field')}
            </label>
            <select id="suggest-field" name="field" class="form-select">
              {SUGGESTION_FIELDS.map((f) => (
                <option key={f} value={f} selected={f === 'other'}>
                  {t(`suggest.fields.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="mb-3">
            <label for="suggest-text" class="form-label">
              {t('suggest.text')}
            </label>
            <textarea
              id="suggest-text"
              name="text"
              class="form-control"
              rows={4}
              maxLength={MAX}
              aria-invalid={error || undefined}
              aria-describedby={error ? 'suggest-error suggest-hint' : 'suggest-hint'}
              onInput={(e) => setLength(e.currentTarget.value.length)}
            />
            <p id="suggest-hint" class="form-text mb-0">
              {t('suggest.hint', { count: MAX - length })}
            </p>
            {error ? (
              <p id="suggest-error" class="portal-field-error mb-0">
                {t('suggest.empty')}
              </p>
            ) : null}
          </div>
          <button type="submit" class="btn btn-primary" disabled={state.kind === 'sending'} data-testid="suggest-submit">
            {state.kind === 'sending' ? t('common.sending') : t('suggest.send')}
          </button>
          {state.kind === 'failed' ? <Refused message={state.message} testid="suggest-refused" /> : null}
        </form>
      )}
    </section>
  );
}
