// The editor of a page in one language (admins and prefecture officers): the five sections and a
// change note, a preview rendered as readers will see it, and a confirmation before publishing.
// The edit names the version it started from, so a page published meanwhile by someone else is
// refused (409 stale_version) and this text stays in the form, nothing lost. A language without
// text starts from the Italian, to translate.
import { useState } from 'preact/hooks';
import { useConfirm } from '../../components/ConfirmDialog';
import { FormErrors, TextAreaField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../lib/i18n';
import { type Category, type GuidancePage, guidanceApi, NOTE_MAX, OPTIONAL_SECTIONS, SECTION_MAX, SECTIONS, type Section } from './api';
import { unsafeTarget } from './format';
import { GuidanceSections } from './GuidanceSections';
import { languageName } from './languages';

type Texts = Record<Section, string>;

export function GuidanceEditor({
  category,
  language,
  page,
  onCancel,
  onPublished,
}: {
  category: Category;
  language: GuidancePage['language'];
  page: GuidancePage;
  onCancel: () => void;
  onPublished: (saved: GuidancePage) => void;
}) {
  const { t, lang } = useT();
  const name = languageName(language, lang);
  const basedOn = page.fallback ? 0 : page.version;
  const next = basedOn + 1;
  const [texts, setTexts] = useState<Texts>(() => Object.fromEntries(SECTIONS.map((s) => [s, page[s]])) as Texts);
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState(false);
  const { ask, dialog } = useConfirm();
  // The fields' ids are the API's names, so that the server's field errors link to their fields.
  const labels: Record<string, string> = Object.fromEntries(SECTIONS.map((s) => [s, t(`guidance.sections.${s}`)]));
  labels.change_note = t('guidance.editor.changeNote');
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      for (const s of SECTIONS) {
        if (!texts[s].trim() && !OPTIONAL_SECTIONS.includes(s)) f[s] = ['fieldErrors.required'];
        const target = unsafeTarget(texts[s]);
        if (target !== null) f[s] = ['fieldErrors.unsafe_link', { target }];
      }
      if (!note.trim()) f.change_note = ['fieldErrors.required'];
      return f;
    },
    confirm: () =>
      ask({
        title: t('guidance.editor.confirmTitle', { version: next, language: name }),
        body: <p>{t('guidance.editor.confirmBody', { language: name })}</p>,
        confirmLabel: t('guidance.editor.publish', { version: next }),
      }),
    action: async () => {
      const saved = await guidanceApi.publish(category, language, { based_on: basedOn, ...texts, change_note: note });
      onPublished(saved);
    },
  });
  return (
    <form onSubmit={submit} noValidate data-testid="guidance-editor" aria-labelledby="guidance-editor-title">
      <h2 id="guidance-editor-title" class="h3">
        {t('guidance.editor.title', { language: name })}
      </h2>
      <p>{page.fallback ? t('guidance.editor.basedOnFallback', { language: name }) : t('guidance.editor.basedOn', { version: basedOn })}</p>
      <p class="small text-muted" id="guidance-format-hint">
        {t('guidance.editor.formatHint')}
      </p>
      <FormErrors errors={errors} labels={labels} />
      <div lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'}>
        {SECTIONS.map((s) => (
          <TextAreaField
            key={s}
            id={s}
            label={t(`guidance.sections.${s}`)}
            required={!OPTIONAL_SECTIONS.includes(s)}
            value={texts[s]}
            onValue={(v) => setTexts((old) => ({ ...old, [s]: v }))}
            maxLength={SECTION_MAX}
            rows={6}
            error={errors.fields[s]}
          />
        ))}
      </div>
      <TextAreaField
        id="change_note"
        label={t('guidance.editor.changeNote')}
        hint={t('guidance.editor.changeNoteHint')}
        required
        value={note}
        onValue={setNote}
        maxLength={NOTE_MAX}
        rows={2}
        error={errors.fields.change_note}
      />
      <div class="d-flex flex-wrap gap-2 mb-4">
        <button type="button" class="btn btn-outline-primary" aria-expanded={preview ? 'true' : 'false'} aria-controls="guidance-preview" data-testid="guidance-preview-toggle" onClick={() => setPreview((p) => !p)}>
          {preview ? t('guidance.editor.hidePreview') : t('guidance.editor.preview')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="guidance-publish">
          {t('guidance.editor.publish', { version: next })}
        </button>
        <button type="button" class="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <div id="guidance-preview" hidden={!preview}>
        {preview ? (
          <section class="border rounded p-3 mb-4" aria-labelledby="guidance-preview-title" data-testid="guidance-preview">
            <h3 id="guidance-preview-title" class="h5">
              {t('guidance.editor.previewTitle')}
            </h3>
            <GuidanceSections page={{ ...texts, language }} headingLevel={3} />
          </section>
        ) : null}
      </div>
      {dialog}
    </form>
  );
}
