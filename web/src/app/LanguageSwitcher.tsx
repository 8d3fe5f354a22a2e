import { useEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../components/Icon';
import { type Lang, LANGUAGES, setLanguage, useT } from '../lib/i18n';

/** A disclosure button with the six languages, each named in its own language. */
export function LanguageSwitcher() {
  const { t, lang } = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const current = LANGUAGES.find((l) => l.code === lang) ?? LANGUAGES[0];

  useEffect(() => {
    if (!open) return;
    const onDocClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('click', onDocClick);
    return () => document.removeEventListener('click', onDocClick);
  }, [open]);

  const choose = async (code: Lang) => {
    setOpen(false);
    toggle.current?.focus();
    if (code !== lang) await setLanguage(code);
  };

  return (
    <div
      class="nav-item dropdown lang-switcher"
      ref={root}
      // Escape is handled on the switcher itself rather than by a document listener added in an
      // effect: effects run after paint, so a key pressed right after opening would be missed.
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
      onFocusOut={(e) => {
        const next = e.relatedTarget as Node | null;
        if (next && root.current && !root.current.contains(next)) setOpen(false);
      }}
    >
      <button
        type="button"
        ref={toggle}
        class="btn btn-dropdown dropdown-toggle lang-toggle"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls="language-menu"
        data-testid="lang-toggle"
        onClick={() => setOpen(!open)}
      >
        <span class="visually-hidden">{t('language.label')}: </span>
        <span lang={current.code}>{current.label}</span>
        <Icon name="expand" class="icon-white icon-sm ms-1" />
      </button>
      <div id="language-menu" class={`dropdown-menu lang-menu${open ? ' show' : ''}`} hidden={!open}>
        <ul class="link-list">
          {LANGUAGES.map((l) => (
            <li key={l.code}>
              <button
                type="button"
                class={`dropdown-item${l.code === lang ? ' active' : ''}`}
                lang={l.code}
                dir="auto"
                aria-current={l.code === lang ? 'true' : undefined}
                data-testid={`lang-${l.code}`}
                onClick={() => choose(l.code)}
              >
                {l.label}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
