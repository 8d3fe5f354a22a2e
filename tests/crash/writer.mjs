// Write load for scripts/crash-test.sh, until the server goes away (or MAX_SECONDS, a bound):
// - CLIENTS/2 clients create persons as the demo prefecture officer;
// - CLIENTS/2 clients keep a centre's presence register, day after day: a guest arrives (officer),
//   is absent that day, and the case worker confirms the day (the register's hash chain).
// Every write the server acknowledged (a 201 read to the end) is appended to ACK_FILE as
// "TABLE ID" before the client goes on.
// Environment: INNET_BASE_URL, ACK_FILE, CLIENTS (default 8), MAX_SECONDS (default 60), READY_FILE
// (created once signed in).
import { appendFileSync, writeFileSync } from 'node:fs';
import { api, loginDemo, uniqueSuffix } from '../support/client.mjs';
import { addDays, daysAgo } from '../support/days.mjs';

const ackFile = process.env.ACK_FILE;
const clients = Number(process.env.CLIENTS ?? 8);
const deadline = Date.now() + Number(process.env.MAX_SECONDS ?? 60) * 1000;
if (!ackFile) throw new Error('ACK_FILE is not set');

const officer = await loginDemo('prefecture_officer');
const worker = await loginDemo('case_worker');
// Signed in: the script's seconds of load start now, not while node starts on a loaded machine.
if (process.env.READY_FILE) writeFileSync(process.env.READY_FILE, '');
const counts = { acknowledged: 0, refused: 0 };

const today = daysAgo(0);

class Killed extends Error {}

// Sends one write; returns its body when acknowledged (recording it), null when refused.
async function write(session, path, body, table) {
  let res;
  try {
    res = await api('POST', path, { session, body });
  } catch {
    throw new Killed(); // the server was killed: this write was never acknowledged
  }
  if (res.status !== 201) {
    counts.refused++; // e.g. 503 while the pool is full: not acknowledged, need not be there
    return null;
  }
  if (table) appendFileSync(ackFile, `${table} ${res.json.id}\n`);
  counts.acknowledged++;
  return res.json;
}

const person = (name) =>
  write(officer, '/persons', { family_name: name, given_names: 'Amina', sex: 'male', nationality: 'NG' }, 'persons');

async function personClient(n) {
  for (let i = 0; Date.now() < deadline; i++) await person(`Crash${n}x${i}${uniqueSuffix()}`);
}

async function registerClient(n) {
  const centre = await write(officer, '/centres', {
    name: `Centro crash ${n} ${uniqueSuffix()}`,
    type: 'cas',
    operator_id: worker.user.organization.id,
    address: 'Via Maqueda 100, Palermo',
    istat_code: '082053',
    status: 'active',
    places_single_men: 500,
    places_single_women: 0,
    places_families: 0,
    places_minors: 0,
  });
  if (!centre) throw new Error('could not create a centre');
  // Days in order, each after the last confirmed one, so an arrival never changes a confirmed day.
  for (let k = 300; k >= 1 && Date.now() < deadline; k--) {
    const day = addDays(today, -k);
    const guest = await person(`CrashReg${n}x${k}${uniqueSuffix()}`);
    if (!guest) continue;
    const placed = await write(officer, '/placements', {
      person_ids: [guest.id],
      centre_id: centre.id,
      category: 'single_men',
      date: day,
      arrival_from: 'direct',
    });
    if (!placed) continue;
    const register = `/centres/${centre.id}/register/${day}`;
    await write(worker, `${register}/absences`, { person_id: guest.id, reason: 'unauthorised' }, 'register_absences');
    await write(worker, `${register}/confirmation`, {}, 'register_confirmations');
  }
}

const runs = Array.from({ length: clients }, (_, n) => (n % 2 ? registerClient(n) : personClient(n)));
const results = await Promise.allSettled(runs);
for (const r of results) {
  if (r.status === 'rejected' && !(r.reason instanceof Killed)) throw r.reason;
}
console.log(`writer: ${counts.acknowledged} writes acknowledged, ${counts.refused} refused`);
