// Duplicate candidates as a table: who, born when, from where, and why each may be the same
// person (the server's reasons, translated). Shown before a person is recorded and on the review
// page; `action` adds a button per candidate.
import type { ComponentChildren } from 'preact';
import { TableRegion } from '../../components/TableRegion';
import { nationality } from '../../lib/countries';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { type DuplicateCandidate, personName } from './api';

export function DuplicateList({ items, label, action }: { items: DuplicateCandidate[]; label: string; action?: (c: DuplicateCandidate) => ComponentChildren }) {
  const { t, lang } = useT();
  return (
    <TableRegion label={label} captionHidden testId="duplicate-candidates">
      <thead>
        <tr>
          <th scope="col">{t('persons.name')}</th>
          <th scope="col">{t('persons.birthDate')}</th>
          <th scope="col">{t('persons.nationality')}</th>
          <th scope="col">{t('persons.cui')}</th>
          <th scope="col">{t('duplicates.why')}</th>
          <th scope="col" class="text-end">
            {t('duplicates.score')}
          </th>
          {action ? (
            <th scope="col">
              <span class="visually-hidden">{t('duplicates.actions')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.person.id} data-candidate-id={c.person.id}>
            <th scope="row">
              <Link href={`/persons/${c.person.id}`}>
                <bdi>{personName(c.person)}</bdi>
              </Link>
            </th>
            <td>
              {c.person.birth_date ? formatDay(c.person.birth_date, lang) : t('common.none')}
              {c.person.birth_date_estimated ? ` (${t('persons.estimated')})` : ''}
            </td>
            <td>{nationality(c.person.nationality, lang, t)}</td>
            <td dir="ltr">{c.person.cui ?? t('common.none')}</td>
            <td>
              <ul class="list-unstyled mb-0" data-testid="duplicate-reasons">
                {c.reasons.map((r) => (
                  <li key={r} data-reason={r}>
                    {t(`duplicates.reasons.${r}`)}
                  </li>
                ))}
              </ul>
            </td>
            <td class="text-end">{c.score}</td>
            {action ? <td>{action(c)}</td> : null}
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
