// The screening feature's public entry: the case page's vulnerability section, and the category
// and severity labels (keys vulnerability.category.<code>, vulnerability.severity.<code>) that
// other features show too.
export { TimelinessPage } from './TimelinessPage';
export { VulnerabilitySection } from './VulnerabilitySection';
export { CATEGORIES, SEVERITIES } from './api';
