// The screening feature's public entry: the case page's vulnerability section, the timeliness
// page, and the vocabularies of the labels other features may show too: what a person is flagged
// as (vulnerability.person.<code>, singular: "Minore") and severities
// (vulnerability.severity.<code>). The categories as groups ("Minori") are the common
// namespace's vulnerability.category.<code> once the guidance pages are merged.
export { TimelinessPage } from './TimelinessPage';
export { VulnerabilitySection } from './VulnerabilitySection';
export { CATEGORIES, SEVERITIES } from './api';
