// The main menu's entries: links, and groups that open as a list of links (the disclosure pattern
// of WAI-ARIA's "disclosure navigation menu": a button with aria-expanded, not role=menu, whose
// items would hide the links from screen readers' list of links). By keyboard: Enter or Space
// opens a group, Down arrow opens it on its first link, Up and Down move between its links, Home
// and End go to the first and last, Escape closes it and returns to its button; leaving it with
// Tab or a click elsewhere closes it. On small screens the same lists open inside the navigation
// panel, below their button.
import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../components/Icon';
import { useT } from '../lib/i18n';
import { Link } from '../lib/router';
import { type Area, type MenuEntry, type MenuGroup, within } from './nav';

function AreaLink({ area, path, class: extra = '' }: { area: Area; path: string; class?: string }) {
  const { t } = useT();
  const active = path === area.path;
  const inside = within(area, path);
  return (
    <Link
      class={`${extra}${inside ? ' active' : ''}`}
      href={area.path}
      aria-current={active ? 'page' : inside ? 'true' : undefined}
      data-nav={area.path}
    >
      <span>{t(area.labelKey)}</span>
    </Link>
  );
}

function Group({
  group,
  areas,
  path,
  open,
  onOpen,
}: {
  group: MenuGroup;
  areas: Area[];
  path: string;
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  const { t } = useT();
  const root = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Where the focus goes once the list is shown (the list is hidden until then).
  const focusNext = useRef<'first' | 'last' | null>(null);
  const id = `nav-group-${group}`;
  const current = areas.some((a) => within(a, path));
  const links = () => [...(root.current?.querySelectorAll<HTMLAnchorElement>(`#${id} a`) ?? [])];

  useEffect(() => {
    if (!open) return;
    if (focusNext.current) {
      const all = links();
      (focusNext.current === 'first' ? all[0] : all[all.length - 1])?.focus();
      focusNext.current = null;
    }
    const onDocClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) onOpen(false);
    };
    document.addEventListener('click', onDocClick);
    return () => document.removeEventListener('click', onDocClick);
  }, [open]);

  const openOn = (where: 'first' | 'last') => {
    if (open) {
      const all = links();
      (where === 'first' ? all[0] : all[all.length - 1])?.focus();
    } else {
      focusNext.current = where;
      onOpen(true);
    }
  };

  return (
    <li
      class={`nav-item nav-group${open ? ' open' : ''}`}
      ref={root}
      data-group={group}
      // On the item rather than the document: a key pressed right after opening, before effects
      // run, is not missed.
      onKeyDown={(e) => {
        const onButton = e.target === button.current;
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          // Inside the navigation panel of small screens, Escape closes the group, not the panel.
          e.stopPropagation();
          onOpen(false);
          button.current?.focus();
          return;
        }
        if (onButton) {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            openOn('first');
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            openOn('last');
          }
          return;
        }
        const all = links();
        const at = all.indexOf(e.target as HTMLAnchorElement);
        if (at < 0) return;
        const to = { ArrowDown: (at + 1) % all.length, ArrowUp: (at - 1 + all.length) % all.length, Home: 0, End: all.length - 1 }[e.key];
        if (to === undefined) return;
        e.preventDefault();
        all[to].focus();
      }}
      onFocusOut={(e) => {
        const next = e.relatedTarget as Node | null;
        if (open && next && root.current && !root.current.contains(next)) onOpen(false);
      }}
    >
      <button
        type="button"
        ref={button}
        class={`nav-link dropdown-toggle nav-group-toggle${current ? ' active' : ''}`}
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={id}
        data-nav-group={group}
        onClick={() => onOpen(!open)}
      >
        <span>{t(`nav.groups.${group}`)}</span>
        {current ? <span class="visually-hidden"> ({t('nav.currentGroup')})</span> : null}
        <Icon name="expand" class="icon icon-sm nav-group-icon" />
      </button>
      <ul id={id} class="nav-group-list link-list" hidden={!open}>
        {areas.map((a) => (
          <li key={a.path}>
            <AreaLink area={a} path={path} class="dropdown-item list-item" />
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The menu bar's list: `openGroup` is the one group open, if any (opening one closes the others). */
export function MainMenu({
  entries,
  path,
  openGroup,
  onOpenGroup,
}: {
  entries: MenuEntry[];
  path: string;
  openGroup: MenuGroup | null;
  onOpenGroup: (group: MenuGroup | null) => void;
}) {
  return (
    <ul class="navbar-nav" data-testid="main-nav">
      {entries.map((e) =>
        e.kind === 'link' ? (
          <li class="nav-item" key={e.area.path}>
            <AreaLink area={e.area} path={path} class="nav-link" />
          </li>
        ) : (
          <Group
            key={e.group}
            group={e.group}
            areas={e.areas}
            path={path}
            open={openGroup === e.group}
            onOpen={(open) => onOpenGroup(open ? e.group : openGroup === e.group ? null : openGroup)}
          />
        ),
      )}
    </ul>
  );
}
