#!/usr/bin/env node
// Writes a generated HSDS 3.1 tabular package for the import benchmark (docs/benchmarks.md):
//   node bench/hsds-package.mjs FOLDER [SERVICES]
// SERVICES services (100,000 by default) of SERVICES/100 organisations, each service at its own
// location with an address, a phone and weekly hours: five records per service and its links.
// The ids are derived from the row numbers, so the same arguments give the same package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder, count = '100000'] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node bench/hsds-package.mjs FOLDER [SERVICES]');
  process.exit(2);
}
const services = Number(count);
const organizations = Math.max(1, Math.floor(services / 100));
// uuid-shaped ids: the kind (one hex digit) and the row number.
const id = (kind, n) => {
  const hex = n.toString(16).padStart(12, '0');
  return `${kind}0000000-0000-4000-8000-${hex}`;
};
mkdirSync(folder, { recursive: true });
const files = {
  organizations: ['id,name,description', (n) => `${id('a', n)},Organizzazione ${n},Ente del terzo settore ${n}`],
  services: ['id,organization_id,name,description,status,last_modified',
    (n) => `${id('b', n)},${id('a', n % organizations)},Servizio ${n},"Assistenza, orientamento e consulenza ${n}",active,2026-11-01T09:00:00Z`],
  locations: ['id,location_type,name,latitude,longitude', (n) => `${id('c', n)},physical,Sede ${n},${(38 + (n % 1000) / 10000).toFixed(4)},${(13.3 + (n % 700) / 10000).toFixed(4)}`],
  service_at_location: ['id,service_id,location_id', (n) => `${id('d', n)},${id('b', n)},${id('c', n)}`],
  addresses: ['id,location_id,address_1,city,state_province,postal_code,country,address_type',
    (n) => `${id('e', n)},${id('c', n)},Via Roma ${n % 500},Palermo,PA,901${String(n % 50).padStart(2, '0')},IT,physical`],
  phones: ['id,service_id,number', (n) => `${id('f', n)},${id('b', n)},+39 091 ${String(n).padStart(7, '0')}`],
  schedules: ['id,service_id,freq,byday,opens_at,closes_at', (n) => `${id('9', n)},${id('b', n)},WEEKLY,"MO,WE,FR",09:00,13:00`],
};
const resources = [];
for (const [name, [header, row]] of Object.entries(files)) {
  const rows = name === 'organizations' ? organizations : services;
  const lines = [header];
  for (let n = 0; n < rows; n++) lines.push(row(n));
  writeFileSync(join(folder, `${name}.csv`), lines.join('\r\n') + '\r\n');
  resources.push({ name, path: `${name}.csv` });
}
writeFileSync(join(folder, 'datapackage.json'), JSON.stringify({ profile: 'tabular-data-package', resources }, null, 2));
console.log(`${services} services, ${organizations} organizations in ${folder}`);
