import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../components/Icon';
import { useT } from '../lib/i18n';
import { Link } from '../lib/router';
import type { SessionValue } from '../lib/session';
import { TaskCount } from '../features/tasks/index';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MainMenu } from './MainMenu';
import { type MenuGroup, menuEntries, visibleAreas } from './nav';

export function Header({ session, path }: { session: SessionValue | null; path: string }) {
  const { t } = useT();
  const [menuOpen, setMenuOpen] = useState(false);
  const [openGroup, setOpenGroup] = useState<MenuGroup | null>(null);
  const toggler = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setMenuOpen(false);
    setOpenGroup(null);
  }, [path]);
  // Small screens: the navigation opens as a panel; focus goes into it and back to the toggler.
  const wasOpen = useRef(false);
  // A layout effect, so that the Escape listener leaves as soon as the panel is closed: an effect
  // runs after paint, which a background tab can put off, and a listener left behind took the
  // next Escape (one closing the language menu) and moved the focus to the toggler.
  useLayoutEffect(() => {
    if (menuOpen) closer.current?.focus();
    else if (wasOpen.current && document.activeElement === document.body) toggler.current?.focus();
    wasOpen.current = menuOpen;
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setMenuOpen(false);
        toggler.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const user = session?.user;
  const entries = session ? menuEntries(visibleAreas(session.can)) : [];
  const shown = menuOpen ? { display: 'block' } : undefined;

  return (
    <header class="it-header-wrapper">
      <div class="it-header-slim-wrapper">
        <div class="container">
          <div class="row">
            <div class="col-12">
              <div class="it-header-slim-wrapper-content">
                <span class="navbar-brand slim-brand" data-testid="slim-brand">
                  {t('header.slim')}
                </span>
                <div class="it-header-slim-right-zone">
                  <LanguageSwitcher />
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="it-nav-wrapper">
        <div class="it-header-center-wrapper">
          <div class="container">
            <div class="row">
              <div class="col-12">
                <div class="it-header-center-content-wrapper">
                  <div class="it-brand-wrapper">
                    <Link href={user ? '/home' : '/login'}>
                      <Icon name="pa" class="icon" />
                      <div class="it-brand-text">
                        <div class="it-brand-title">{t('app.name')}</div>
                        <div class="it-brand-tagline d-none d-md-block">{t('app.tagline')}</div>
                      </div>
                    </Link>
                  </div>
                  {user && session ? (
                    <div class="it-right-zone header-user-zone">
                      <div class="header-user d-none d-lg-flex" data-testid="header-user">
                        <Icon name="user" class="icon-white d-none d-md-inline-block me-2" />
                        <div>
                          <div class="header-user-name" data-testid="header-user-name">
                            <bdi>{user.display_name}</bdi>
                          </div>
                          <div class="header-user-meta">
                            <bdi data-testid="header-user-org">{user.organization.name}</bdi>
                            <span aria-hidden="true"> · </span>
                            <span class="visually-hidden">, </span>
                            <span data-testid="header-user-role">{t(`roles.${user.role}.name`)}</span>
                          </div>
                        </div>
                      </div>
                      {session.can('tasks.read') ? <TaskCount path={path} /> : null}
                      <button
                        type="button"
                        class="btn btn-outline-light btn-sm ms-3 logout-button"
                        data-testid="logout"
                        onClick={() => session.logout()}
                      >
                        <Icon name="logout" class="icon-white icon-sm me-1" />
                        <span class="logout-label">{t('header.logout')}</span>
                      </button>
                    </div>
                  ) : null}
                </div>
              </div>
            </div>
          </div>
        </div>
        {user ? (
          <div class="it-header-navbar-wrapper">
            <div class="container">
              <div class="row">
                <div class="col-12">
                  <nav class="navbar navbar-expand-lg" aria-label={t('nav.label')}>
                    <button
                      type="button"
                      ref={toggler}
                      class="custom-navbar-toggler"
                      aria-controls="main-nav"
                      aria-expanded={menuOpen ? 'true' : 'false'}
                      onClick={() => setMenuOpen(true)}
                    >
                      <span class="visually-hidden">{t('nav.open')}</span>
                      <Icon name="burger" />
                    </button>
                    <div class={`navbar-collapsable${menuOpen ? ' expanded' : ''}`} id="main-nav" style={shown}>
                      <div class="overlay" style={shown} onClick={() => setMenuOpen(false)} />
                      <div class="close-div">
                        <button
                          type="button"
                          ref={closer}
                          class="btn close-menu"
                          onClick={() => {
                            setMenuOpen(false);
                            toggler.current?.focus();
                          }}
                        >
                          <span class="visually-hidden">{t('nav.close')}</span>
                          <Icon name="close-big" />
                        </button>
                      </div>
                      <div class="menu-wrapper">
                        <div class="mobile-user d-lg-none" aria-hidden={menuOpen ? undefined : 'true'}>
                          <div class="fw-bold">
                            <bdi>{user.display_name}</bdi>
                          </div>
                          <div>
                            <bdi>{user.organization.name}</bdi> · {t(`roles.${user.role}.name`)}
                          </div>
                        </div>
                        <MainMenu entries={entries} path={path} openGroup={openGroup} onOpenGroup={setOpenGroup} />
                      </div>
                    </div>
                  </nav>
                </div>
              </div>
            </div>
          </div>
        ) : null}
      </div>
    </header>
  );
}
