// The people feature's public entry: what other features and the app may use. The rest of features/people/ is internal.
export { DuplicatePairs } from './DuplicatePairs';
export { Duplicates } from './Duplicates';
export { PersonPage } from './PersonPage';
export { PersonSearch } from './PersonSearch';
export { Persons } from './Persons';
export { personName } from './api';
export type { Person, PersonSummary } from './api';
