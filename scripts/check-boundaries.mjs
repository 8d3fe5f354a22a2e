#!/usr/bin/env node
// Module boundaries, checked on every `make test` (docs/decisions/0014-module-boundaries.md):
//   1. a file of src/<module>/ includes only its own headers and those of the modules that
//      DEPENDENCIES below allows it;
//   2. SQL in a module names only the tables its own migrations create (CREATE TABLE in that
//      module's files): another module's data is reached through that module's functions.
// Exceptions are listed, each with its reason, in SQL_EXCEPTIONS; they are debts, not rules.
// Exits 1 and names every violation; prints one summary line otherwise.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const src = join(root, 'src');

// Who may include whom. Platform first, then the domain modules in dependency order; `app`
// assembles everything and `cli` drives it. `seed` runs the modules' seed steps from the list
// `cli` hands it (app::modules()), so it knows the platform only.
const PLATFORM = ['core', 'db', 'http', 'api', 'auth', 'audit'];
const DEPENDENCIES = {
  core: [],
  db: ['core'],
  http: ['core'],
  geo: [],
  // The search index of the directory and the portal (decision 0035): in memory, no tables, no
  // HTTP; the directory feeds it.
  search: ['core'],
  reporting: ['core', 'http'],
  // The access policy and password hashing: no storage, no HTTP.
  auth: ['core'],
  // api records audit entries; audit's own routes are built on api. The one cycle, between two
  // platform modules (decision 0014).
  api: ['core', 'db', 'http', 'auth', 'audit'],
  audit: ['core', 'db', 'api'],
  // geo: accounts' seed step (accounts/seed.cc) makes the municipalities' organisations.
  accounts: ['core', 'db', 'api', 'auth', 'audit', 'geo'],
  people: [...PLATFORM],
  // geo: the municipalities where centres stand (GET /api/v1/municipalities).
  centres: [...PLATFORM, 'accounts', 'geo'],
  // Uploaded files; the modules that attach them decide who reads them (documents/owners.h).
  documents: [...PLATFORM],
  // The tasks inbox: the sources are registered by the modules that raise tasks (decision 0028).
  tasks: [...PLATFORM],
  // geo: reception's demo-data step (reception/seed/) places centres in real municipalities;
  // tasks: the absence notices awaiting a decision are officers' tasks (absences/tasks.cc).
  reception: [...PLATFORM, 'accounts', 'centres', 'people', 'documents', 'reporting', 'geo', 'tasks'],
  // Inspections of centres (decisions 0022, 0023): centres and their contracts (the penalties'
  // base); reception: occupancy for the risk ranking; documents attached to replies and
  // decisions; reporting: the report's PDF (decision 0024); tasks: overdue corrective actions and
  // replies to verify (finding_tasks.cc, decision 0028); screening: the persons with a high-severity
  // vulnerability flag, whom reception counts among each centre's guests for the risk ranking.
  monitoring: [...PLATFORM, 'accounts', 'centres', 'reception', 'documents', 'reporting', 'tasks', 'screening'],
  // Case records (issue 11, decision 0025): persons and their family groups (people), the
  // users who keep a case (accounts), stays for the timeline and the officer's list shape
  // (reception), attachments (documents), the list's files (reporting). Screening and referrals
  // come as modules above it.
  // tasks: permits of stay about to expire (links.cc, decision 0028).
  cases: [...PLATFORM, 'accounts', 'people', 'reception', 'documents', 'reporting', 'tasks'],
  // Guidance pages per vulnerability category (decision 0033): the editors' names (accounts) and
  // the categories' vocabulary (cases::vulnerability_categories()), nothing else of cases.
  guidance: [...PLATFORM, 'accounts', 'cases'],
  // Screening and vulnerability flags (decision 0031): the cases it screens, their persons'
  // first stays (reception), who screened (accounts), tasks for screenings due.
  screening: [...PLATFORM, 'accounts', 'people', 'reception', 'cases', 'tasks'],
  // Consents and referrals (decision 0032): above cases; tasks: referrals waiting and escalated;
  // reporting and reception: the inbox's and outbox's files in the officer's list shape.
  referrals: [...PLATFORM, 'accounts', 'people', 'reception', 'documents', 'cases', 'tasks', 'reporting'],
  // The directory of services on HSDS 3.1 (issue 12, decision 0034): its listings name the InNet
  // organisation that keeps them and the user who verified them (accounts' tables, in its DDL).
  // geo: the municipality of a service's address (listing.cc); search: its index (decision 0037);
  // tasks: listings due for verification (editorial.cc); reporting: the staff list's CSV
  // (decision 0038).
  directory: [...PLATFORM, 'accounts', 'geo', 'search', 'tasks', 'reporting'],
  // Opportunities (issue 12, decision 0039): publishers' and editors' names (accounts), the
  // cases recommendations are recorded on (cases::visible_case), the municipalities (geo), and
  // the directory's profile of target groups (directory/profile.h), nothing else of directory;
  // search: the directory's folding of words in six languages for the list's words filter.
  opportunities: [...PLATFORM, 'accounts', 'cases', 'geo', 'directory', 'search'],
  // Administrative procedures (issue 13, decision 0040): the persons of a file (people), the
  // names of who recorded a step (accounts), the people a case worker follows (cases), the
  // inbox's files near or past their due date (tasks); the placements of a person, for the
  // temporary protection contribution (reception, decision 0041); the caller's language
  // (reporting::language_of) for the catalogue's names (decision 0043); the files list's and the
  // bottleneck figures' CSV and XLSX (reporting, decisions 0021 and 0044).
  procedures: [...PLATFORM, 'accounts', 'people', 'cases', 'tasks', 'reception', 'reporting'],
  seed: [...PLATFORM],
  app: [...PLATFORM, 'accounts', 'people', 'centres', 'documents', 'tasks', 'reception', 'monitoring', 'cases', 'screening', 'referrals', 'guidance', 'directory', 'opportunities', 'procedures', 'reporting'],
  cli: [...PLATFORM, 'app', 'geo', 'seed', 'accounts', 'people', 'centres', 'reception', 'directory'],
};

// Tables a module reads although another owns them: each a debt with its reason.
const SQL_EXCEPTIONS = [];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  }).filter((p) => /\.(cc|h)$/.test(p));
}

const moduleOf = (path) => relative(src, path).split(sep)[0];
const withoutComments = (text) => text.replace(/\/\/[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');

const problems = [];
const all = files(src);

for (const module of new Set(all.map(moduleOf))) {
  if (!(module in DEPENDENCIES)) problems.push(`src/${module}/ is not in DEPENDENCIES (scripts/check-boundaries.mjs)`);
}

// 1. Includes.
for (const path of all) {
  const module = moduleOf(path);
  const allowed = DEPENDENCIES[module] ?? [];
  for (const [, target] of readFileSync(path, 'utf8').matchAll(/^#include "([a-z_]+)\//gm)) {
    if (target !== module && !allowed.includes(target))
      problems.push(`${relative(root, path)} includes ${target}/, which ${module} may not use`);
  }
}

// 2. Tables.
const owner = new Map();
for (const path of all) {
  for (const [, table] of withoutComments(readFileSync(path, 'utf8'))
    .matchAll(/CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_]+)/gi)) {
    if (table === 'schema_migrations') continue;  // db's own bookkeeping
    owner.set(table, owner.get(table) ?? moduleOf(path));
  }
}
for (const path of all) {
  const module = moduleOf(path);
  const text = withoutComments(readFileSync(path, 'utf8'));
  for (const [, table] of text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_]+)\b/g)) {
    const own = owner.get(table);
    if (!own || own === module) continue;
    if (SQL_EXCEPTIONS.some((e) => e.module === module && e.table === table)) continue;
    problems.push(`${relative(root, path)} runs SQL on ${table}, a table of ${own}`);
  }
}

if (problems.length) {
  console.error([...new Set(problems)].join('\n'));
  console.error(`check-boundaries: ${new Set(problems).size} problem(s)`);
  process.exit(1);
}
console.log(`check-boundaries: ${all.length} files of ${Object.keys(DEPENDENCIES).length} modules, ` +
  `${owner.size} tables, ${SQL_EXCEPTIONS.length} listed exception(s): ok`);
