import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import { Spinner, TextField } from '../../components/forms';
import { nationality } from '../../lib/countries';
import { formatDay } from '../../lib/dates';
import { describeError } from '../../lib/errors';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { type ListedPerson, peopleApi, type Person, personName } from './api';

/**
 * A search for persons by name, CUI or codice fiscale, inside a larger form: Enter in the box
 * searches instead of submitting that form. Each person found gets the button `action` draws.
 */
export function PersonSearch({
  id,
  label,
  hint,
  error,
  action,
}: {
  id: string;
  label: string;
  hint: string;
  error?: string;
  action: (p: Person) => ComponentChildren;
}) {
  const { t, lang } = useT();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ListedPerson[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<unknown>(null);

  const search = async () => {
    if (!query.trim()) return;
    setSearching(true);
    setSearchError(null);
    try {
      const page = await peopleApi.listPersons({ q: query.trim(), per_page: 10 });
      setResults(page.items);
    } catch (e) {
      setSearchError(e);
    } finally {
      setSearching(false);
    }
  };

  return (
    <>
      <div
        class="row align-items-end"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).id === id) {
            e.preventDefault();
            void search();
          }
        }}
      >
        <div class="col-12 col-md-8">
          <TextField id={id} label={label} hint={hint} type="search" value={query} onValue={setQuery} error={error} />
        </div>
        <div class="col-12 col-md-4 mb-4">
          <button type="button" class="btn btn-outline-primary" data-testid="person-search" onClick={search}>
            <Icon name="search" class="icon-primary icon-sm me-1" />
            {t('common.search')}
          </button>
        </div>
      </div>
      <div aria-live="polite" class="mb-3">
        {searching ? <Spinner label={t('common.loading')} /> : null}
        {searchError ? <div class="alert alert-danger">{describeError(searchError, t)}</div> : null}
        {results && !searching ? (
          results.length ? (
            <ul class="list-unstyled" data-testid="person-results" aria-label={t('placements.results')}>
              {results.map((p) => (
                <li key={p.id} class="d-flex align-items-center gap-2 mb-2">
                  {action(p)}
                  <span>
                    <bdi>{personName(p)}</bdi> · {nationality(p.nationality, lang, t)}
                    {p.birth_date ? ` · ${formatDay(p.birth_date, lang)}` : ''}
                    {p.current_centre ? (
                      <>
                        {' · '}
                        <Link href={`/centres/${p.current_centre.id}`}>
                          <bdi>{p.current_centre.name}</bdi>
                        </Link>
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('placements.noResults')}</p>
          )
        ) : null}
      </div>
    </>
  );
}
