// Pieces of the opportunity pages: the kind's label, the dates and the place in words, the card of
// the list, and the "how to apply" text with its e-mail addresses, phone numbers and links tappable
// (found by contacts.ts).
import { daysBetween, formatDay, today } from '../../lib/dates';
import { formatList } from '../../lib/numbers';
import { Link } from '../../lib/router';
import type { Terms } from '../api';
import { t, type PortalLang } from '../i18n';
import { Badge, languageName, termLabel } from '../parts';
import { opportunityPath } from '../paths';
import type { Opportunity } from './api';
import { contactParts } from './contacts';
import { langAttr } from '../../lib/langAttr';

export const kindLabel = (kind: Opportunity['kind']) => t(`opportunities.kinds.${kind}`);

/** When it happens: "from … to …", "on …", "from …", "until …"; null when it has no dates. */
export function datesText(o: Pick<Opportunity, 'starts_on' | 'ends_on'>, lang: PortalLang): string | null {
  const start = o.starts_on ? formatDay(o.starts_on, lang) : null;
  const end = o.ends_on ? formatDay(o.ends_on, lang) : null;
  if (start && end) return o.starts_on === o.ends_on ? t('opportunities.dates.oneDay', { day: start }) : t('opportunities.dates.range', { start, end });
  if (start) return t('opportunities.dates.from', { start });
  if (end) return t('opportunities.dates.until', { end });
  return null;
}

/** "Expires on 14 Dec 2026 (10 days left)": the last day it is on the portal, counted in Rome's days. */
export function expiryText(expiresOn: string, lang: PortalLang): string {
  const left = daysBetween(today(), expiresOn);
  if (left <= 0) return t('opportunities.expiresToday');
  return `${t('opportunities.expires', { date: formatDay(expiresOn, lang) })} (${t('opportunities.daysLeft', { count: left })})`;
}

/** The place and the municipality, the municipality left out when the place already names it. */
export function placeText(o: Pick<Opportunity, 'place' | 'municipality'>): string | null {
  const town = o.municipality?.name ?? null;
  if (o.place && town && !o.place.toLowerCase().includes(town.toLowerCase())) return `${o.place}, ${town}`;
  return o.place ?? town;
}

/** Who it is for, in words: the target groups' names; null when it names none (it is for everyone). */
export function groupsText(o: Pick<Opportunity, 'target_groups'>, terms: Terms | null, lang: PortalLang): string | null {
  if (o.target_groups.length === 0) return null;
  return formatList(
    o.target_groups.map((g) => termLabel(terms, 'target_group', g)),
    lang,
  );
}

/** The text's language when it is not the page's (Italian while untranslated), for the lang attribute. */
export const textLang = (o: Pick<Opportunity, 'lang'>, page: PortalLang) => (o.lang !== page ? o.lang : undefined);

/** One opportunity in the list. */
export function OpportunityCard({ o, lang, terms }: { o: Opportunity; lang: PortalLang; terms: Terms | null }) {
  const other = textLang(o, lang);
  const dates = datesText(o, lang);
  const place = placeText(o);
  const groups = groupsText(o, terms, lang);
  return (
    <li class="portal-card" data-testid="opportunity-card">
      <div class="d-flex flex-wrap gap-1 mb-2">
        <Badge tone="secondary">{kindLabel(o.kind)}</Badge>
        {o.free ? <Badge tone="primary">{t('opportunities.free')}</Badge> : <Badge tone="secondary">{t('opportunities.paid')}</Badge>}
      </div>
      <h3 class="h5 mb-1">
        <Link href={opportunityPath(lang, o.id)} {...langAttr(other)} dir="auto">
          {o.title}
        </Link>
      </h3>
      <p class="portal-card-org mb-1" dir="auto">
        {o.publisher.name}
      </p>
      <ul class="portal-facts list-unstyled mb-2">
        {dates ? <li>{dates}</li> : null}
        {place ? <li dir="auto">{place}</li> : null}
        <li>{groups ? t('opportunities.forGroups', { groups }) : t('opportunities.forEveryone')}</li>
        <li class="portal-expiry" data-testid="expiry">
          {expiryText(o.expires_on, lang)}
        </li>
      </ul>
      <p class="portal-card-text mb-1" {...langAttr(other)} dir="auto">
        {o.description}
      </p>
      {other ? <p class="portal-note mb-0">{t('service.notTranslated', { language: languageName(o.lang, lang) })}</p> : null}
    </li>
  );
}

/** A text of the publisher's, with its line breaks, its contacts as links, marked with its language when not the page's. */
export function ContactProse({ text, lang }: { text: string; lang: string | undefined }) {
  return (
    <p class="portal-prose" {...langAttr(lang)} dir="auto">
      {contactParts(text).map((p, i) =>
        'href' in p ? (
          <a key={i} href={p.href} dir="ltr" rel={p.href.startsWith('https:') ? 'noopener noreferrer' : undefined}>
            {p.text}
          </a>
        ) : (
          p.text
        ),
      )}
    </p>
  );
}
