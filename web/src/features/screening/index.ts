// The screening feature's public entry: the case page's vulnerability section, the timeliness
// page, and the vocabularies of the labels other features show too. The labels are in the common
// namespace: what a person is flagged as (vulnerability.person.<code>, singular: "Minore"),
// severities (vulnerability.severity.<code>) and the categories as groups ("Minori",
// vulnerability.category.<code>, the guidance pages' titles).
export { TimelinessPage } from './TimelinessPage';
export { VulnerabilitySection } from './VulnerabilitySection';
export { CATEGORIES, SEVERITIES } from './api';
