import { NotFound } from '../../app/Status';
import { Icon } from '../../components/Icon';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { useFlash } from '../../components/flash';
import { LoadState, Notice } from '../../components/forms';
import { ApiError } from '../../lib/api';
import { languageName, nationality } from '../../lib/countries';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { CorrectPlacement } from '../reception/index';
import { PersonForm } from './PersonForm';
import { type FamilyGroup, peopleApi, type Person, type PersonRecord, personName, type PlacementStay } from './api';
import { langAttr } from '../../lib/langAttr';

/** Languages by the script they are written in, the likeliest among the people hosted first. */
const SCRIPTS: [RegExp, string[]][] = [
  [/\p{Script=Arabic}/u, ['ar', 'fa', 'ps', 'ur', 'ku']],
  [/\p{Script=Bengali}/u, ['bn']],
  [/\p{Script=Cyrillic}/u, ['uk', 'ru', 'be', 'bg', 'sr', 'mk']],
  [/\p{Script=Ethiopic}/u, ['ti', 'am']],
  [/\p{Script=Devanagari}/u, ['hi', 'ne']],
];

/**
 * The language to mark a name in its original script with, so that screen readers pick a voice
 * that can read it: the first language the person speaks that uses that script, else the most
 * common one that does; none for a script not listed.
 */
function scriptLang(text: string, languages: string[]): string | undefined {
  const found = SCRIPTS.find(([re]) => re.test(text));
  if (!found) return undefined;
  return languages.find((l) => found[1].includes(l)) ?? found[1][0];
}

/** The names in the person's own script, isolated so that a right-to-left name keeps its order. */
export function OriginalName({ person }: { person: Pick<Person, 'family_name_original' | 'given_names_original' | 'languages'> }) {
  const text = [person.family_name_original, person.given_names_original].filter(Boolean).join(' ');
  return (
    <bdi dir="auto" {...langAttr(scriptLang(text, person.languages))} data-testid="original-name">
      {text}
    </bdi>
  );
}

/** A person's page (or, with ?edit=1 and persons.manage, the form to correct it). */
export function PersonPage({ id }: { id: number }) {
  const loc = useLocation();
  const { can } = useSession();
  const editing = !!loc.query.get('edit') && can('persons.manage');
  // Read again on entering and leaving the form: it starts from, and the page shows, what is stored.
  const { data, error } = useData(async () => {
    const p = await peopleApi.getPerson(id);
    return { person: p, family: p.family_group_id ? await peopleApi.familyGroup(p.family_group_id) : null };
  }, [id, editing]);
  const person = data?.person ?? null;
  const family = data?.family ?? null;

  // Out of the caller's scope reads as missing: the page says so in the same words.
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  if (editing && person) return <PersonForm person={person} family={family} />;
  return <PersonView person={person} family={family} error={error} />;
}

function PersonView({ person, family, error }: { person: PersonRecord | null; family: FamilyGroup | null; error: unknown }) {
  const { t, lang } = useT();
  const created = !!useLocation().query.get('created');
  const { can } = useSession();
  const message = useFlash();
  usePageTitle(person ? personName(person) : t('person.title'));
  return (
    <div>
      <Link href="/persons" class="back-link d-inline-flex align-items-center mb-3">
        <Icon name="chevron-left" class="icon-primary icon-sm" directional />
        {t('persons.backToList')}
      </Link>
      <LoadState error={error} ready={!!person}>
        {() =>
          person && (
            <div data-testid="person-page" data-person-id={person.id}>
              <div class="d-flex flex-wrap align-items-center justify-content-between gap-3 mb-4">
                <h1 id="main-heading" tabIndex={-1} class="mb-0">
                  <bdi>{personName(person)}</bdi>
                </h1>
                <div class="d-flex flex-wrap gap-2">
                  <Link href={`/persons/${person.id}/duplicates`} class="btn btn-outline-primary" data-testid="person-duplicates">
                    {t('duplicates.open')}
                  </Link>
                  {can('persons.manage') && !person.merged_into ? (
                    <Link href={`/persons/${person.id}?edit=1`} class="btn btn-primary" data-testid="person-edit">
                      {t('person.edit')}
                    </Link>
                  ) : null}
                </div>
              </div>
              {message ? <Notice kind="success">{message}</Notice> : null}
              {person.merged_into ? (
                <Notice kind="warning">
                  <span data-testid="person-merged">{t('duplicates.mergedInto')}</span> <Link href={`/persons/${person.merged_into}`}>{t('duplicates.openKept')}</Link>
                </Notice>
              ) : null}
              {created && can('placements.manage') ? (
                <div class="callout note" data-testid="person-next-step">
                  <div class="callout-title">{t('person.nextStep')}</div>
                  <p>{t('person.placeHint')}</p>
                  <Link href="/occupancy" class="btn btn-primary" data-testid="person-place">
                    {t('person.place')}
                  </Link>
                </div>
              ) : null}
              <Identity person={person} lang={lang} />
              <Family person={person} family={family} />
              {can('placements.read') ? <Placements id={person.id} name={personName(person)} /> : null}
            </div>
          )
        }
      </LoadState>
    </div>
  );
}

function Identity({ person, lang }: { person: Person; lang: string }) {
  const { t } = useT();
  const none = <span class="text-muted">{t('common.none')}</span>;
  const row = (label: string, value: preact.ComponentChildren, testId?: string) => (
    <div class="col-12 col-md-6 mb-3">
      <dt class="fw-semibold">{label}</dt>
      <dd class="mb-0" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <section aria-labelledby="identity-heading" class="mb-5">
      <h2 id="identity-heading" class="h3">
        {t('person.identity')}
      </h2>
      <dl class="row" data-testid="person-identity">
        {row(t('persons.familyName'), <bdi>{person.family_name}</bdi>)}
        {row(t('persons.givenNames'), <bdi>{person.given_names}</bdi>)}
        {row(t('person.originalNames'), person.family_name_original || person.given_names_original ? <OriginalName person={person} /> : none)}
        {row(t('persons.sex'), t(`sexes.${person.sex}`, { defaultValue: person.sex }))}
        {row(
          t('persons.birthDate'),
          person.birth_date ? (
            <>
              {formatDay(person.birth_date, lang)}
              {person.birth_date_estimated ? ` (${t('persons.estimated')})` : ''}
            </>
          ) : (
            none
          ),
          'person-birth-date',
        )}
        {person.unaccompanied_minor ? row(t('persons.unaccompaniedMinor'), t('persons.yes'), 'person-unaccompanied-minor') : null}
        {row(t('persons.nationality'), nationality(person.nationality, lang, t), 'person-nationality')}
        {row(
          t('persons.languages'),
          person.languages.length ? person.languages.map((l) => languageName(l, lang)).join(', ') : none,
          'person-languages',
        )}
        {row(t('persons.cui'), person.cui ? <bdi dir="ltr">{person.cui}</bdi> : none)}
        {row(t('persons.codiceFiscale'), person.codice_fiscale ? <bdi dir="ltr">{person.codice_fiscale}</bdi> : none)}
      </dl>
    </section>
  );
}

function Family({ person, family }: { person: Person; family: FamilyGroup | null }) {
  const { t } = useT();
  const relatives = family?.members.filter((m) => m.id !== person.id) ?? [];
  return (
    <section aria-labelledby="family-heading" class="mb-5">
      <h2 id="family-heading" class="h3">
        {t('person.family')}
      </h2>
      {relatives.length ? (
        <ul data-testid="family-members">
          {relatives.map((m) => (
            <li key={m.id}>
              <Link href={`/persons/${m.id}`}>
                <bdi>{personName(m)}</bdi>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="family-members">{t('person.familyNoneNow')}</p>
      )}
    </section>
  );
}

function Placements({ id, name }: { id: number; name: string }) {
  const { t, lang } = useT();
  // An operator's staff see only the stays in their own centres: the page says so, lest "not
  // hosted" read as "not hosted anywhere".
  const ownCentresOnly = useSession().user.organization.type === 'centre_operator';
  const { data: stays, error, reload } = useData(async () => (await peopleApi.personPlacements(id)).items, [id]);
  // The Prefettura corrects a mistaken exit or transfer (reception's CorrectPlacement).
  const corrects = useSession().can('placements.correct');
  const exitReason = (r: string | null) => {
    if (!r) return '—';
    // Transfers close a placement with a reason of their own, which exits cannot give.
    if (r === 'transferred') return t('person.transferredOut');
    return t(`exitReasons.${r}`, { defaultValue: r });
  };
  const centre = (s: PlacementStay) => (
    <Link href={`/centres/${s.centre_id}`}>
      <bdi>{s.centre_name}</bdi>
    </Link>
  );
  return (
    <section aria-labelledby="placement-heading" class="mb-5">
      <h2 id="placement-heading" class="h3">
        {t('person.placement')}
      </h2>
      <LoadState error={error} ready={!!stays}>
        {() => {
          if (!stays) return null;
          const current = stays.find((s) => !s.end_date);
          return (
            <>
              <h3 class="h5">{t('person.current')}</h3>
              {current ? (
                <dl class="row" data-testid="current-placement">
                  <div class="col-12 col-md-6 mb-3">
                    <dt class="fw-semibold">{t('person.centre')}</dt>
                    <dd class="mb-0">{centre(current)}</dd>
                  </div>
                  <div class="col-12 col-md-6 mb-3">
                    <dt class="fw-semibold">{t('placements.since')}</dt>
                    <dd class="mb-0">{formatDay(current.start_date, lang)}</dd>
                  </div>
                </dl>
              ) : (
                <p data-testid="current-placement">{t(ownCentresOnly ? 'person.notHostedHere' : 'person.notHosted')}</p>
              )}
              <h3 class="h5">{t('person.history')}</h3>
              {ownCentresOnly ? <p class="small">{t('person.historyScope')}</p> : null}
              {stays.length ? (
                <TableRegion label={t('person.history')} captionHidden testId="placement-history">
                  <thead>
                    <tr>
                      <th scope="col">{t('person.centre')}</th>
                      <th scope="col">{t('person.from')}</th>
                      <th scope="col">{t('person.to')}</th>
                      <th scope="col">{t('placements.arrivalFrom')}</th>
                      <th scope="col">{t('placements.exitReason')}</th>
                      {corrects ? (
                        <th scope="col">
                          <span class="visually-hidden">{t('common.actions')}</span>
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {stays.map((s) => (
                      <tr key={s.id} data-placement={s.id}>
                        <td>{centre(s)}</td>
                        <td>{formatDay(s.start_date, lang)}</td>
                        <td>{s.end_date ? formatDay(s.end_date, lang) : t('person.ongoing')}</td>
                        <td>{t(`arrivalOrigins.${s.arrival_from}`, { defaultValue: s.arrival_from })}</td>
                        <td>{exitReason(s.exit_reason)}</td>
                        {corrects ? (
                          <td class="text-end">
                            {s.end_date && s.end_date !== s.start_date ? <CorrectPlacement stay={s} personName={name} onDone={reload} /> : null}
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </TableRegion>
              ) : (
                <p>{t('person.noHistory')}</p>
              )}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
