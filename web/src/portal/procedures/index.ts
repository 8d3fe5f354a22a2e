// The procedure pages, a chunk of their own with their texts (loaded by Section.tsx when one is
// opened), so the portal's first load does not grow with them.
export { GuidesPage } from './GuidesPage';
export { GuidePage } from './GuidePage';
export { StatusPage } from './StatusPage';
