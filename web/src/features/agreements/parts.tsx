// Small pieces the agreements' pages share: the outcome badge and the line of the explanation.
import { formatDay } from '../../lib/dates';
import { type TFunction, useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { type Agreement, type Line, type LossBand, lineParams } from './api';

const BADGE: Record<Agreement['outcome'], string> = {
  pending: 'bg-secondary',
  fulfilled: 'bg-success',
  fulfilled_with_benefits: 'bg-success',
  extension: 'bg-warning text-dark',
  terminated: 'bg-danger',
  exempt: 'bg-info text-dark',
};

export function OutcomeBadge({ outcome }: { outcome: Agreement['outcome'] }) {
  const { t } = useT();
  return (
    <span class={`badge ${BADGE[outcome]}`} data-outcome={outcome}>
      {t(`agreements.outcomes.${outcome}`)}
    </span>
  );
}

export const personName = (a: { family_name: string; given_names: string }) => `${a.family_name} ${a.given_names}`.trim();

/** Credits with their sign: "+16", "−15", "0". */
export function signedCredits(n: number, lang: string): string {
  if (n > 0) return `+${formatNumber(n, lang)}`;
  if (n < 0) return `−${formatNumber(-n, lang)}`;
  return formatNumber(0, lang);
}

/** A CEFR level as it is written everywhere ("A2"); "above B1" in the reader's language. */
export function italianLevel(level: string, t: TFunction): string {
  const bare = level.replace(/_spoken$/, '');
  return bare === 'above_b1' ? t('agreements.aboveB1') : bare.toUpperCase();
}

/** What a level, course, ground or band code names, in the reader's language. */
export function levelName(kind: string, level: string, t: TFunction, bands: LossBand[]): string {
  if (kind === 'loss') return bands.find((b) => b.code === level)?.description ?? level;
  if (kind === 'italian_level') return italianLevel(level, t);
  if (kind === 'course') return t(`agreements.levels.course.${level}`);
  if (kind === 'exemption') return t(`agreements.levels.exemption.${level}`);
  return t(`agreements.levels.civic_knowledge.${level}`);
}

/** One line of the server's explanation (agreement.cc) as a sentence. */
export function lineText(line: Line, t: TFunction, lang: string, bands: LossBand[]): string {
  const p = lineParams(line);
  const vars: Record<string, unknown> = { ...p };
  if (p.date) vars.date = formatDay(p.date, lang);
  if (p.kind) vars.kind = t(`agreements.kinds.${p.kind}`);
  if (p.level && line.code.startsWith('italian')) vars.level = italianLevel(p.level, t) + (p.spoken_only === 'true' ? ` (${t('agreements.spokenOnly')})` : '');
  else if (p.level && line.code.startsWith('civic')) vars.level = t(`agreements.levels.civic_knowledge.${p.level}`);
  if (p.course) vars.course = t(`agreements.levels.course.${p.course}`);
  if (p.ground) vars.ground = t(`agreements.levels.exemption.${p.ground}`);
  if (p.band) vars.band = bands.find((b) => b.code === p.band)?.description ?? p.band;
  if (p.missing) {
    vars.count = Number(p.missing);
    vars.missing = formatNumber(Number(p.missing), lang);
  }
  return t(`agreements.lines.${line.code}`, vars);
}
