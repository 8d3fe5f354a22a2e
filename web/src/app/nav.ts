import type { IconName } from '../components/icons';

/**
 * The menu's groups, in the menu's order. Each is a dropdown (a disclosure button and its list of
 * links) when a user sees two areas or more of it, a plain link to the one area when one; an area
 * without a group is a link of its own (home, account). Grouping is what keeps the prefecture
 * officer's menu on one line at 1280 px in every language.
 */
export const MENU_GROUPS = ['reception', 'people', 'monitoring', 'administration'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** The areas of the app. Each is shown only to users holding its permission (if any). */
export interface Area {
  path: string;
  labelKey: string;
  descriptionKey: string;
  icon: IconName;
  permission?: string;
  group?: MenuGroup;
}

// Adding a page to the menu (and a card to the home page) is one line here, in the order it is
// shown within its group.
export const AREAS: Area[] = [
  { path: '/home', labelKey: 'nav.home', descriptionKey: 'home.cards.home', icon: 'pa' },
  { path: '/centres', labelKey: 'nav.centres', descriptionKey: 'home.cards.centres', icon: 'pa', permission: 'centres.read', group: 'reception' },
  { path: '/occupancy', labelKey: 'nav.occupancy', descriptionKey: 'home.cards.occupancy', icon: 'list', permission: 'occupancy.read', group: 'reception' },
  { path: '/placement-desk', labelKey: 'nav.placementDesk', descriptionKey: 'home.cards.placementDesk', icon: 'search', permission: 'occupancy.read', group: 'reception' },
  { path: '/register', labelKey: 'nav.register', descriptionKey: 'home.cards.register', icon: 'list', permission: 'register.record', group: 'reception' },
  { path: '/absence-notices', labelKey: 'nav.absenceNotices', descriptionKey: 'home.cards.absenceNotices', icon: 'list', permission: 'notices.read', group: 'reception' },
  { path: '/movements', labelKey: 'nav.movements', descriptionKey: 'home.cards.movements', icon: 'files', permission: 'movements.export', group: 'reception' },
  { path: '/lots', labelKey: 'nav.lots', descriptionKey: 'home.cards.lots', icon: 'files', permission: 'contracts.manage', group: 'reception' },
  { path: '/persons', labelKey: 'nav.persons', descriptionKey: 'home.cards.persons', icon: 'user', permission: 'persons.read', group: 'people' },
  { path: '/duplicate-pairs', labelKey: 'nav.duplicatePairs', descriptionKey: 'home.cards.duplicatePairs', icon: 'search', permission: 'persons.read', group: 'people' },
  { path: '/cases', labelKey: 'nav.cases', descriptionKey: 'home.cards.cases', icon: 'user', permission: 'cases.read', group: 'people' },
  { path: '/guidance', labelKey: 'nav.guidance', descriptionKey: 'home.cards.guidance', icon: 'files', permission: 'guidance.read', group: 'people' },
  { path: '/opportunities', labelKey: 'nav.opportunities', descriptionKey: 'home.cards.opportunities', icon: 'files', permission: 'opportunities.read', group: 'people' },
  { path: '/procedure-files', labelKey: 'nav.procedureFiles', descriptionKey: 'home.cards.procedureFiles', icon: 'files', permission: 'procedure_files.read', group: 'people' },
  { path: '/integration-agreements', labelKey: 'nav.integrationAgreements', descriptionKey: 'home.cards.integrationAgreements', icon: 'files', permission: 'integration_agreements.read', group: 'people' },
  { path: '/procedures', labelKey: 'nav.procedures', descriptionKey: 'home.cards.procedures', icon: 'list', permission: 'procedures.read', group: 'people' },
  // Every role reads the law settings at their address; the menu offers them to those who keep them.
  { path: '/procedures/law', labelKey: 'nav.lawSettings', descriptionKey: 'home.cards.lawSettings', icon: 'settings', permission: 'procedures.edit', group: 'people' },
  { path: '/procedures/analytics', labelKey: 'nav.procedureAnalytics', descriptionKey: 'home.cards.procedureAnalytics', icon: 'list', permission: 'procedure_analytics.read', group: 'people' },
  { path: '/screening-timeliness', labelKey: 'nav.screeningTimeliness', descriptionKey: 'home.cards.screeningTimeliness', icon: 'list', permission: 'screening.statistics', group: 'people' },
  { path: '/referrals/inbox', labelKey: 'nav.referralsInbox', descriptionKey: 'home.cards.referralsInbox', icon: 'list', permission: 'referrals.receive', group: 'people' },
  { path: '/referrals/outbox', labelKey: 'nav.referralsOutbox', descriptionKey: 'home.cards.referralsOutbox', icon: 'files', permission: 'referrals.manage', group: 'people' },
  { path: '/referrals/metrics', labelKey: 'nav.referralMetrics', descriptionKey: 'home.cards.referralMetrics', icon: 'list', permission: 'referrals.metrics', group: 'people' },
  { path: '/inspections', labelKey: 'nav.inspections', descriptionKey: 'home.cards.inspections', icon: 'search', permission: 'inspections.read', group: 'monitoring' },
  { path: '/findings', labelKey: 'nav.findings', descriptionKey: 'home.cards.findings', icon: 'list', permission: 'findings.read', group: 'monitoring' },
  { path: '/inspection-risk', labelKey: 'nav.inspectionRisk', descriptionKey: 'home.cards.inspectionRisk', icon: 'list', permission: 'inspections.manage', group: 'monitoring' },
  { path: '/sanctions', labelKey: 'nav.sanctions', descriptionKey: 'home.cards.sanctions', icon: 'files', permission: 'sanctions.read', group: 'monitoring' },
  { path: '/directory/services', labelKey: 'nav.directoryServices', descriptionKey: 'home.cards.directoryServices', icon: 'list', permission: 'directory.listings.read', group: 'administration' },
  { path: '/directory/moderation', labelKey: 'nav.directoryModeration', descriptionKey: 'home.cards.directoryModeration', icon: 'search', permission: 'directory.moderate', group: 'administration' },
  { path: '/directory/feedback', labelKey: 'nav.directoryFeedback', descriptionKey: 'home.cards.directoryFeedback', icon: 'list', permission: 'directory.feedback.read', group: 'administration' },
  { path: '/directory/import', labelKey: 'nav.directoryImport', descriptionKey: 'home.cards.directoryImport', icon: 'files', permission: 'directory.import', group: 'administration' },
  { path: '/organizations', labelKey: 'nav.organizations', descriptionKey: 'home.cards.organizations', icon: 'files', permission: 'organizations.read', group: 'administration' },
  { path: '/users', labelKey: 'nav.users', descriptionKey: 'home.cards.users', icon: 'user', permission: 'users.read', group: 'administration' },
  { path: '/audit', labelKey: 'nav.audit', descriptionKey: 'home.cards.audit', icon: 'list', permission: 'audit.read', group: 'administration' },
  { path: '/account', labelKey: 'nav.account', descriptionKey: 'home.cards.account', icon: 'settings' },
];

export function visibleAreas(can: (p: string) => boolean): Area[] {
  return AREAS.filter((a) => !a.permission || can(a.permission));
}

/** One entry of the menu bar: a link to an area, or a group of two areas or more. */
export type MenuEntry = { kind: 'link'; area: Area } | { kind: 'group'; group: MenuGroup; areas: Area[] };

/**
 * The menu bar for the areas a user sees: the areas without a group where they are in AREAS (home
 * first, account last) and, where the first grouped area is, the groups in MENU_GROUPS' order.
 */
export function menuEntries(areas: Area[]): MenuEntry[] {
  const entries: MenuEntry[] = [];
  const byGroup = new Map<MenuGroup, Area[]>();
  for (const a of areas) if (a.group) byGroup.set(a.group, [...(byGroup.get(a.group) ?? []), a]);
  const groups: MenuEntry[] = MENU_GROUPS.filter((g) => byGroup.has(g)).map((g) => {
    const members = byGroup.get(g) as Area[];
    return members.length === 1 ? { kind: 'link', area: members[0] } : { kind: 'group', group: g, areas: members };
  });
  let groupsPlaced = false;
  for (const a of areas) {
    if (!a.group) entries.push({ kind: 'link', area: a });
    else if (!groupsPlaced) {
      entries.push(...groups);
      groupsPlaced = true;
    }
  }
  return entries;
}

/** Whether `path` is the area's page or one below it (/centres/12 is within /centres). */
export function within(area: Area, path: string): boolean {
  return path === area.path || (area.path !== '/home' && path.startsWith(`${area.path}/`));
}
