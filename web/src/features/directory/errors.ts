// The directory's own error codes in the reader's language, else the app's (lib/errors.ts).
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/errors';
import type { TFunction } from '../../lib/i18n';

const OWN = ['no_changes', 'already_decided', 'import_running', 'invalid_archive', 'invalid_file'];

export function describe(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && OWN.includes(err.code)) return t(`directory.errors.${err.code}`);
  return describeError(err, t);
}
