// The guest categories as options of a select.
import type { TFunction } from '../../lib/i18n';
import { CATEGORIES } from './api';


export const categoryOptions = (t: TFunction) => CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }));
