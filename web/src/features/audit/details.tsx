// The trail's entries for people: an action's name and an entry's details in the reader's language,
// as "label: value" lines rather than codes and JSON. Only what the API returns is used; a code
// or a name the web app does not know is shown as sent.
import { formatDateTime, formatDay, formatMonth } from '../../lib/dates';
import { languageName, nationality } from '../../lib/countries';
import { hasKey, type Lang, type TFunction } from '../../lib/i18n';
import { formatEuro } from '../../lib/money';
import { formatNumber } from '../../lib/numbers';

/** An action's name, e.g. "Accesso" for auth.login; the code itself when not translated. */
export function actionLabel(action: string, t: TFunction): string {
  return hasKey(`audit.actions.${action}`) ? t(`audit.actions.${action}`) : action;
}

/** An entry's object, e.g. "Centro #12"; the type as sent when not translated. */
export function entityLabel(type: string, id: string | null | undefined, t: TFunction): string {
  const name = hasKey(`audit.entities.${type}`) ? t(`audit.entities.${type}`) : type;
  return id ? `${name} #${id}` : name;
}

function fieldLabel(name: string, t: TFunction): string {
  if (hasKey(`audit.fields.${name}`)) return t(`audit.fields.${name}`);
  if (hasKey(`categories.${name}`)) return t(`categories.${name}`); // a centre's places by category
  return name;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isRecord = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_RE = /^\d{4}-\d{2}$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
// Names whose values (or list items) are ids of records.
const ID_LISTS = new Set(['placements', 'person_ids', 'family_of']);
const isIdName = (name: string) => name === 'id' || name.endsWith('_id') || ID_LISTS.has(name);

/** A code named in the reader's language when it is one the app translates, else as sent. */
function codeLabel(name: string, value: string, entityType: string, lang: Lang, t: TFunction): string {
  const candidates: Record<string, string[]> = {
    role: [`roles.${value}.name`],
    type: entityType === 'organization' ? [`orgTypes.${value}`] : [`centreTypes.${value}`],
    status: [`centreStatuses.${value}`],
    category: [`categories.${value}`],
    arrival_from: [`arrivalOrigins.${value}`],
    reason: [`exitReasons.${value}`],
    sex: [`sexes.${value}`],
    services: [`centreServices.${value}`],
    fields: [`audit.fields.${value}`],
    window: [`audit.window.${value}`],
  };
  for (const key of candidates[name] ?? []) if (hasKey(key)) return t(key);
  if (name === 'nationality') return nationality(value, lang, t);
  if (name === 'languages') return languageName(value, lang);
  if (name === 'hash') return value.length > 16 ? `${value.slice(0, 16)}…` : value;
  if (DAY_RE.test(value)) return formatDay(value, lang);
  if (MONTH_RE.test(value)) return formatMonth(value, lang);
  if (INSTANT_RE.test(value)) return formatDateTime(value, lang);
  return value;
}

/** One value as text: amounts in euro, ids as #12, yes/no, dates and codes in words. */
function scalarText(name: string, value: Json, entityType: string, lang: Lang, t: TFunction): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (typeof value === 'number') {
    if (name.endsWith('_cents')) return formatEuro(value, lang);
    if (isIdName(name)) return `#${value}`;
    return formatNumber(value, lang);
  }
  if (typeof value === 'string') return codeLabel(name, value, entityType, lang, t);
  return JSON.stringify(value);
}

function DetailValue({ name, value, entityType, lang, t }: { name: string; value: Json; entityType: string; lang: Lang; t: TFunction }) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <>—</>;
    if (value.every((v) => !isRecord(v) && !Array.isArray(v))) {
      return <bdi>{value.map((v) => scalarText(name, v, entityType, lang, t)).join(', ')}</bdi>;
    }
    return (
      <ol class="audit-details-list">
        {value.map((v, i) => (
          <li key={i}>
            <DetailValue name={name} value={v} entityType={entityType} lang={lang} t={t} />
          </li>
        ))}
      </ol>
    );
  }
  if (isRecord(value)) return <DetailList details={value} entityType={entityType} lang={lang} t={t} />;
  return <bdi>{scalarText(name, value, entityType, lang, t)}</bdi>;
}

function DetailList({ details, entityType, lang, t }: { details: Record<string, Json>; entityType: string; lang: Lang; t: TFunction }) {
  return (
    <dl class="audit-details">
      {Object.entries(details).map(([name, value]) => (
        <div key={name} class="audit-detail">
          <dt>{fieldLabel(name, t)}:</dt>{' '}
          <dd>
            <DetailValue name={name} value={value} entityType={entityType} lang={lang} t={t} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** An entry's details as labelled lines; null when there is nothing to show. */
export function AuditDetails({ details, entityType, lang, t }: { details: unknown; entityType: string; lang: Lang; t: TFunction }) {
  if (details === null || details === undefined || details === '') return null;
  let value: unknown = details;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return <p class="audit-details">{value as string}</p>;
    }
  }
  if (isRecord(value)) {
    if (Object.keys(value).length === 0) return null;
    return <DetailList details={value} entityType={entityType} lang={lang} t={t} />;
  }
  return <DetailValue name="" value={value as Json} entityType={entityType} lang={lang} t={t} />;
}
