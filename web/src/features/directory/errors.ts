// The directory's own error codes in the reader's language, else the app's (lib/errors.ts).
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/errors';
import type { TFunction } from '../../lib/i18n';

import { OWN_ERRORS } from './api';

const OWN: readonly string[] = OWN_ERRORS;

export function describe(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && OWN.includes(err.code)) return t(`directory.errors.${err.code}`);
  return describeError(err, t);
}
