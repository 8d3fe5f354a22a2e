import type { IconName } from '../components/icons';

/** The areas of the app. Each is shown only to users holding its permission (if any). */
export interface Area {
  path: string;
  labelKey: string;
  descriptionKey: string;
  icon: IconName;
  permission?: string;
  /** false: a card on the home page only, not in the menu (which must stay on one line at 1280 px). */
  menu?: false;
}

export const AREAS: Area[] = [
  { path: '/', labelKey: 'nav.home', descriptionKey: 'home.cards.home', icon: 'pa' },
  {
    path: '/organizations',
    labelKey: 'nav.organizations',
    descriptionKey: 'home.cards.organizations',
    icon: 'files',
    permission: 'organizations.read',
  },
  { path: '/users', labelKey: 'nav.users', descriptionKey: 'home.cards.users', icon: 'user', permission: 'users.read' },
  {
    path: '/centres',
    labelKey: 'nav.centres',
    descriptionKey: 'home.cards.centres',
    icon: 'pa',
    permission: 'centres.read',
  },
  {
    path: '/occupancy',
    labelKey: 'nav.occupancy',
    descriptionKey: 'home.cards.occupancy',
    icon: 'list',
    permission: 'occupancy.read',
  },
  { path: '/lots', labelKey: 'nav.lots', descriptionKey: 'home.cards.lots', icon: 'files', permission: 'contracts.manage' },
  { path: '/register', labelKey: 'nav.register', descriptionKey: 'home.cards.register', icon: 'list', permission: 'register.record' },
  // A card only: the prefecture officer's menu has no room left at 1280 px (it wrapped to a second
  // line, in Italian too). Operators' staff also reach their reports from the centre's page.
  {
    path: '/inspections',
    labelKey: 'nav.inspections',
    descriptionKey: 'home.cards.inspections',
    icon: 'search',
    permission: 'inspections.read',
    menu: false,
  },
  {
    path: '/placement-desk',
    labelKey: 'nav.placementDesk',
    descriptionKey: 'home.cards.placementDesk',
    icon: 'search',
    permission: 'occupancy.read',
    menu: false,
  },
  { path: '/movements', labelKey: 'nav.movements', descriptionKey: 'home.cards.movements', icon: 'files', permission: 'movements.export', menu: false },
  // A card only, like the inspections: the menu has no room left at 1280 px.
  { path: '/cases', labelKey: 'nav.cases', descriptionKey: 'home.cards.cases', icon: 'user', permission: 'cases.read', menu: false },
  { path: '/persons', labelKey: 'nav.persons', descriptionKey: 'home.cards.persons', icon: 'user', permission: 'persons.read' },
  { path: '/absence-notices', labelKey: 'nav.absenceNotices', descriptionKey: 'home.cards.absenceNotices', icon: 'list', permission: 'notices.read' },
  { path: '/audit', labelKey: 'nav.audit', descriptionKey: 'home.cards.audit', icon: 'list', permission: 'audit.read' },
  { path: '/account', labelKey: 'nav.account', descriptionKey: 'home.cards.account', icon: 'settings' },
];

export function visibleAreas(can: (p: string) => boolean): Area[] {
  return AREAS.filter((a) => !a.permission || can(a.permission));
}
