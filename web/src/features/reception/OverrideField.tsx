// The reason asked for when a centre is full or not taking guests.
import { Notice, TextAreaField } from '../../components/forms';
import { useT } from '../../lib/i18n';
import { useSession } from '../../lib/session';


/** A panel holding one guest operation; its heading takes the focus when it opens. */


/** The override reason, asked for only after the server refused a full or closed centre. */
export function OverrideField({ shown, value, onValue, error }: { shown: boolean; value: string; onValue: (v: string) => void; error?: string }) {
  const { t } = useT();
  const { can } = useSession();
  if (!shown) return null;
  if (!can('placements.override')) return <Notice kind="warning">{t('placements.overrideNotAllowed')}</Notice>;
  return (
    <TextAreaField
      id="override_reason"
      label={t('placements.overrideReason')}
      hint={t('placements.overrideHint')}
      required
      maxLength={500}
      value={value}
      onValue={onValue}
      error={error}
    />
  );
}
