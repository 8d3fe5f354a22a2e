// A page about one month of a centre (its costs, its handovers): the month comes from the address
// (`?month=YYYY-MM`), never later than this month, last month when absent or not a month; the
// picker checks what was typed, says why where the eye is, and moves the address.
import { useEffect, useState } from 'preact/hooks';
import { currentMonth, lastMonth } from '../lib/dates';
import { useT } from '../lib/i18n';
import { navigate, useLocation } from '../lib/router';
import { TextField } from './forms';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month the address asks for, and the latest that may be asked (this month). */
export function useMonthQuery(): { month: string; max: string } {
  const loc = useLocation();
  const max = currentMonth();
  const asked = loc.query.get('month') ?? '';
  return { month: MONTH.test(asked) && asked <= max ? asked : lastMonth(), max };
}

/** Month field and button; `path` is the page's address without its query. */
export function MonthPicker({ id, path, label, button, month, max, testId }: { id: string; path: string; label: string; button: string; month: string; max: string; testId?: string }) {
  const { t } = useT();
  const [picked, setPicked] = useState(month);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setPicked(month), [month]);  // the address moved (a link, back): show its month
  return (
    <form
      class="row align-items-end"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        if (!MONTH.test(picked)) setError(t('fieldErrors.required'));
        else if (picked > max) setError(t('errors.future_date'));
        else {
          setError(undefined);
          navigate(`${path}?month=${picked}`);
        }
      }}
    >
      <div class="col-12 col-md-6">
        <TextField id={id} label={label} type="month" max={max} value={picked} onValue={setPicked} error={error} />
      </div>
      <div class="col-12 col-md-6 mb-4">
        <button type="submit" class="btn btn-outline-primary">
          {button}
        </button>
      </div>
    </form>
  );
}
