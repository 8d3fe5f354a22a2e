// Small parts the findings and sanctions pages share: badges for a finding's severity and status,
// what a finding is about (its item's question in the page's language), and the documents field of
// a reply or a decision.
import { ACCEPTED_TYPES } from '../documents/index';
import { useT } from '../../lib/i18n';
import { useData } from '../../lib/useData';
import { monitoringApi } from './api';
import { type Finding, followupApi } from './followupApi';

/**
 * Text of another direction (a law's name, an Italian question) inside a translated sentence,
 * kept in one piece and in its own order (U+2068 first strong isolate ... U+2069).
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;

const SEVERITY_BADGE: Record<Finding['severity'], string> = {
  minor: 'bg-secondary',
  major: 'bg-warning text-dark',
  critical: 'bg-danger',
};

const STATUS_BADGE: Record<Finding['status'], string> = {
  open: 'bg-primary',
  replied: 'bg-warning text-dark',
  verified_closed: 'bg-success',
  escalated: 'bg-danger',
};

export function SeverityBadge({ severity }: { severity: Finding['severity'] }) {
  const { t } = useT();
  return (
    <span class={`badge ${SEVERITY_BADGE[severity]}`} data-severity={severity}>
      {t(`findings.severities.${severity}`)}
    </span>
  );
}

export function FindingStatusBadge({ finding }: { finding: Pick<Finding, 'status' | 'overdue'> }) {
  const { t } = useT();
  return (
    <>
      <span class={`badge ${STATUS_BADGE[finding.status]}`} data-finding-status={finding.status}>
        {t(`findings.statuses.${finding.status}`)}
      </span>
      {finding.overdue ? (
        <span class="badge bg-danger ms-1" data-overdue="true">
          {t('findings.overdue')}
        </span>
      ) : null}
    </>
  );
}

/** An item's question, in the page's language or, where not written, in Italian (marked so). */
export interface Question {
  text: string;
  lang?: 'it';
}

/**
 * The questions of the checklists' items by code, from each checklist's latest version: an item
 * keeps its code across versions for the same question.
 */
export function useQuestions(): Map<string, Question> | null {
  const { lang } = useT();
  const { data } = useData(async () => {
    const list = await followupApi.checklists();
    return Promise.all(list.items.map((c) => monitoringApi.checklist(c.id)));
  }, []);
  if (!data) return null;
  const out = new Map<string, Question>();
  for (const version of data)
    for (const item of version.items) {
      const own = item.question[lang];
      out.set(item.code, own ? { text: own } : { text: item.question.it, lang: 'it' });
    }
  return out;
}

/** What a finding is about: its item's question, or its code while the questions load (or for an item no longer asked). */
export function FindingItem({ finding, questions }: { finding: Pick<Finding, 'item_code'>; questions: Map<string, Question> | null }) {
  const q = questions?.get(finding.item_code);
  return q ? <span lang={q.lang}>{q.text}</span> : <code>{finding.item_code}</code>;
}

/** The most documents a reply or a decision carries (the server's limit for document_ids). */
export const MAX_DOCUMENTS = 10;

/** The documents of a reply or a decision: files chosen from the device, with the limit said. */
export function DocumentFilesField({
  id,
  label,
  error,
  onFiles,
  testId,
}: {
  id: string;
  label: string;
  error?: string;
  onFiles: (files: File[]) => void;
  testId: string;
}) {
  const { t } = useT();
  return (
    <div class="mb-4">
      <label for={id} class="form-label fw-semibold">
        {label}
      </label>
      <input
        id={id}
        type="file"
        multiple
        class="form-control"
        accept={ACCEPTED_TYPES}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? 'true' : undefined}
        onChange={(e) => onFiles([...((e.currentTarget as HTMLInputElement).files ?? [])])}
        data-testid={testId}
      />
      <div id={`${id}-hint`} class="form-text">
        {t('findings.attachHint', { count: MAX_DOCUMENTS })}
      </div>
      {error ? <div class="field-error">{error}</div> : null}
    </div>
  );
}
