// The relatives present with a guest, offered to move or leave together.
import { useState } from 'preact/hooks';
import { useT } from '../../lib/i18n';
import { personName } from '../people/index';
import type { Guest } from './api';

/** Family members who may move or leave with the guest: checkboxes, all ticked at first. */
export function useFamily(family: Guest[]) {
  const [chosen, setChosen] = useState<number[]>(family.map((g) => g.person_id));
  const { t } = useT();
  const field = family.length ? (
    <fieldset class="mb-4">
      <legend class="h6">{t('placements.family')}</legend>
      {family.map((g) => (
        <div class="form-check" key={g.person_id}>
          <input
            id={`family-${g.person_id}`}
            type="checkbox"
            checked={chosen.includes(g.person_id)}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              setChosen((c) => (on ? [...c, g.person_id] : c.filter((x) => x !== g.person_id)));
            }}
          />
          <label for={`family-${g.person_id}`}>
            <bdi>{personName(g.person)}</bdi>
          </label>
        </div>
      ))}
    </fieldset>
  ) : null;
  return { chosen, field };
}
