// Vulnerability screening over HTTP (decision 0031): the demo case worker screens a case with
// IPSN (the marked indicators point to categories, two are confirmed and become flags, one is
// rejected) and with PROTECT (score, band, the cut-off's suggestion); a flag is corrected and
// withdrawn with reasons. Bad input names the field and stores nothing: another instrument
// version, an unknown indicator, a retired version, a category not suggested, completing twice.
// Access: the officer reads flags and results without notes and reasons; an analyst gets 403 on
// case data and reads the timeliness counts, which name nobody; another organisation's case
// worker gets exactly the answer for a missing case.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { openCase } from '../cases/fixture.mjs';
import { api, createUser, expectError, expectStatus, findOrganization, login, loginDemo } from '../support/client.mjs';

let admin, officer, worker, analyst, otherWorker, instruments;
const MISSING = 999999999;

before(async () => {
  [admin, officer, worker, analyst] = await Promise.all(
    ['admin', 'prefecture_officer', 'case_worker', 'analyst'].map((r) => loginDemo(r)),
  );
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  const made = await createUser(admin, { organizationId: ponte.id, role: 'case_worker' });
  otherWorker = await login(made.email, made.password);
  instruments = expectStatus(await api('GET', '/screening-instruments', { session: worker }), 200).items;
});

const sessions = () => ({ admin, officer, worker });

async function allTasks(session) {
  const all = [];
  for (let page = 1; ; page += 1) {
    const { items } = expectStatus(await api('GET', `/tasks?per_page=100&page=${page}`, { session }), 200);
    all.push(...items);
    if (items.length < 100) return all;
  }
}

test('a case never screened, 30 days after arrival, is a late screening_due task of its case workers only', async () => {
  const { case: c } = await openCase(sessions());
  const task = (await allTasks(worker)).find((t) => t.kind === 'screening_due' && t.link === `/cases/${c.id}`);
  assert.ok(task, 'the case worker has the task');
  assert.equal(task.overdue, true);
  assert.deepEqual(Object.keys(task.params).sort(), ['case', 'due_on'], 'no name in a task');
  const s = expectStatus(await api('GET', `/cases/${c.id}/screening`, { session: worker }), 200);
  assert.equal(s.schedule.state, 'late');
  assert.equal(s.schedule.due_on, task.due);
  assert.ok(!(await allTasks(otherWorker)).some((t) => t.link === `/cases/${c.id}`), 'another organisation has none');
});
const current = (code) => instruments.find((v) => v.code === code && v.retired_at === null);
const marks = (...codes) => codes.map((code) => ({ code, value: true }));

test('the shipped instruments: IPSN indicators in the groups of domain.md, PROTECT with 10 items, bands and a cut-off', () => {
  const ipsn = current('ipsn');
  const groups = new Set(ipsn.indicators.map((i) => i.group));
  assert.deepEqual([...groups], ['profile', 'physical_signs', 'health_disability', 'sexual_reproductive', 'mental_health', 'behaviour', 'trafficking_signs']);
  assert.ok(ipsn.indicators.every((i) => i.categories.length > 0));
  const protect = instruments.find((v) => v.code === 'protect' && v.version === 1);
  assert.equal(protect.items.length, 10);
  assert.deepEqual(protect.bands, [
    { band: 'low', min: 0, max: 3 },
    { band: 'medium', min: 4, max: 7 },
    { band: 'high', min: 8, max: 10 },
  ]);
  assert.equal(protect.referral_cut_off, 8);
  assert.ok(protect.retired_at, 'the demo published version 2, which retired version 1');
});

test('an IPSN screening: counts per category, two confirmed as flags, one rejected; completing twice is refused', async () => {
  const { case: c } = await openCase(sessions(), { sex: 'female' });
  const ipsn = current('ipsn');
  let s = expectStatus(
    await api('POST', `/cases/${c.id}/screenings`, {
      session: worker,
      body: { instrument_version_id: ipsn.id, stage: 'first', answers: marks('female') },
    }),
    201,
  );
  assert.equal(s.screenings.length, 1);
  const id = s.screenings[0].id;
  assert.equal(s.schedule.first_screened_on, null);
  s = expectStatus(
    await api('PATCH', `/screenings/${id}`, {
      session: worker,
      body: { instrument_version_id: ipsn.id, answers: marks('female', 'ptsd', 'depression', 'assault_injuries') },
    }),
    200,
  );
  const counts = Object.fromEntries(s.screenings[0].suggestions.map((g) => [g.category, g.count]));
  assert.deepEqual(counts, { woman: 1, mental_disorder: 2, torture_violence: 2 });

  // A category the answers do not point to, and a suggestion left undecided.
  const decisions = [
    { category: 'torture_violence', confirmed: true, severity: 'high', note: 'invio al medico legale' },
    { category: 'mental_disorder', confirmed: true, severity: 'medium', note: 'invio al CSM' },
  ];
  expectError(
    await api('POST', `/screenings/${id}/completion`, {
      session: worker,
      body: { instrument_version_id: ipsn.id, decisions: [...decisions, { category: 'fgm', confirmed: true, severity: 'low', note: 'x' }] },
    }),
    422,
    'validation_failed',
    ['decisions[2].category'],
  );
  expectError(
    await api('POST', `/screenings/${id}/completion`, { session: worker, body: { instrument_version_id: ipsn.id, decisions } }),
    422,
    'validation_failed',
    ['decisions'],
  );
  const all = [...decisions, { category: 'woman', confirmed: false, note: 'nessun bisogno specifico' }];
  s = expectStatus(await api('POST', `/screenings/${id}/completion`, { session: worker, body: { instrument_version_id: ipsn.id, decisions: all } }), 200);
  assert.equal(s.screenings[0].status, 'completed');
  assert.deepEqual(s.flags.map((f) => f.category).sort(), ['mental_disorder', 'torture_violence']);
  assert.ok(s.flags.every((f) => f.source === 'screening' && f.screening_id === id && f.status === 'active'));
  assert.ok(s.schedule.first_screened_on, 'the first screening is recorded');
  assert.equal(s.schedule.state, 'upcoming', 'the next one is months away');
  expectError(
    await api('POST', `/screenings/${id}/completion`, { session: worker, body: { instrument_version_id: ipsn.id, decisions: all } }),
    409,
    'screening_completed',
    ['status'],
  );

  // The officer reads categories, severities and results, never notes; the read is logged.
  const seen = expectStatus(await api('GET', `/cases/${c.id}/screening`, { session: officer }), 200);
  assert.equal(seen.narratives, false);
  assert.equal(seen.flags.length, 2);
  assert.ok(seen.screenings[0].decisions.every((d) => d.note === null));
  assert.deepEqual(seen.screenings[0].suggestions, s.screenings[0].suggestions);
  const mine = expectStatus(await api('GET', `/cases/${c.id}/screening`, { session: worker }), 200);
  assert.ok(mine.screenings[0].decisions.every((d) => d.note));
});

test('bad answers: another version, an unknown indicator, a retired version; nothing is stored', async () => {
  const { case: c } = await openCase(sessions());
  const ipsn = current('ipsn');
  const protect = current('protect');
  const oldProtect = instruments.find((v) => v.code === 'protect' && v.retired_at !== null);
  expectError(
    await api('POST', `/cases/${c.id}/screenings`, { session: worker, body: { instrument_version_id: oldProtect.id, stage: 'first' } }),
    422,
    'validation_failed',
    ['instrument_version_id'],
  );
  expectError(
    await api('POST', `/cases/${c.id}/screenings`, {
      session: worker,
      body: { instrument_version_id: ipsn.id, stage: 'first', answers: marks('female', 'flying') },
    }),
    422,
    'validation_failed',
    ['answers[1].code'],
  );
  expectError(
    await api('POST', `/cases/${c.id}/screenings`, { session: worker, body: { instrument_version_id: ipsn.id, stage: 'trigger' } }),
    422,
    'reason_required',
    ['trigger_reason'],
  );
  let s = expectStatus(await api('GET', `/cases/${c.id}/screening`, { session: worker }), 200);
  assert.equal(s.screenings.length, 0, 'nothing stored');
  assert.equal(s.schedule.state, 'late', 'placed 30 days ago, never screened: the 7 days have passed');
  s = expectStatus(await api('POST', `/cases/${c.id}/screenings`, { session: worker, body: { instrument_version_id: ipsn.id, stage: 'first' } }), 201);
  const id = s.screenings[0].id;
  expectError(
    await api('PATCH', `/screenings/${id}`, { session: worker, body: { instrument_version_id: protect.id, answers: marks('sleep') } }),
    422,
    'validation_failed',
    ['instrument_version_id'],
  );
  expectError(
    await api('PATCH', `/screenings/${id}`, { session: worker, body: { instrument_version_id: ipsn.id, answers: marks('sleep') } }),
    422,
    'validation_failed',
    ['answers[0].code'],
  );
  s = expectStatus(await api('GET', `/cases/${c.id}/screening`, { session: worker }), 200);
  assert.deepEqual(s.screenings[0].answers, [], 'the draft kept its answers');
  expectError(await api('POST', `/cases/${MISSING}/screenings`, { session: worker, body: { instrument_version_id: ipsn.id, stage: 'first' } }), 404, 'not_found');
});

test('PROTECT: score and band live from the answers, the cut-off suggests torture_violence', async () => {
  const { case: c } = await openCase(sessions());
  const protect = current('protect');
  const answers = protect.items.map((code, k) => ({ code, value: k < 8 }));
  let s = expectStatus(
    await api('POST', `/cases/${c.id}/screenings`, { session: worker, body: { instrument_version_id: protect.id, stage: 'first', answers } }),
    201,
  );
  const screening = s.screenings[0];
  assert.equal(screening.score, 8);
  assert.equal(screening.band, protect.bands.find((b) => b.min <= 8 && 8 <= b.max).band);
  assert.equal(screening.referral_suggested, true);
  assert.deepEqual(screening.suggestions, [{ category: 'torture_violence', count: 1 }]);
  s = expectStatus(
    await api('POST', `/screenings/${screening.id}/completion`, {
      session: worker,
      body: {
        instrument_version_id: protect.id,
        decisions: [{ category: 'torture_violence', confirmed: true, severity: 'high', note: 'invio per valutazione clinica' }],
      },
    }),
    200,
  );
  assert.deepEqual(s.flags.map((f) => [f.category, f.severity]), [['torture_violence', 'high']]);
});

test('flags: manual with a note, corrected and withdrawn with reasons, never deleted', async () => {
  const { case: c } = await openCase(sessions());
  let s = expectStatus(
    await api('POST', `/cases/${c.id}/vulnerability-flags`, { session: worker, body: { category: 'disability', severity: 'low', note: 'usa una stampella' } }),
    201,
  );
  const flag = s.flags[0];
  assert.equal(flag.source, 'manual');
  expectError(
    await api('POST', `/cases/${c.id}/vulnerability-flags`, { session: worker, body: { category: 'disability', severity: 'high', note: 'x' } }),
    409,
    'flag_exists',
    ['category'],
  );
  s = expectStatus(await api('POST', `/vulnerability-flags/${flag.id}/correction`, { session: worker, body: { severity: 'medium', reason: 'visita fisiatrica' } }), 200);
  assert.equal(s.flags[0].severity, 'medium');
  s = expectStatus(await api('POST', `/vulnerability-flags/${flag.id}/withdrawal`, { session: worker, body: { reason: 'guarito' } }), 200);
  assert.equal(s.flags[0].status, 'withdrawn');
  assert.deepEqual(s.flags[0].changes.map((x) => x.kind), ['correction', 'withdrawal']);
  expectError(await api('POST', `/vulnerability-flags/${flag.id}/withdrawal`, { session: worker, body: { reason: 'di nuovo' } }), 409, 'flag_withdrawn', ['status']);
  const seen = expectStatus(await api('GET', `/cases/${c.id}/screening`, { session: officer }), 200);
  assert.equal(seen.flags[0].note, null);
  assert.ok(seen.flags[0].changes.every((x) => x.reason === null));
});

test('access: analysts 403 on case data, counts only; another organisation answers as for a missing case', async () => {
  const { case: c } = await openCase(sessions());
  expectError(await api('GET', `/cases/${c.id}/screening`, { session: analyst }), 403, 'forbidden');
  const other = await api('GET', `/cases/${c.id}/screening`, { session: otherWorker });
  const missing = await api('GET', `/cases/${MISSING}/screening`, { session: otherWorker });
  assert.equal(other.status, 404);
  assert.deepEqual(other.body, missing.body);
  // A screening or a flag of another organisation's case is missing too, in writes as in reads.
  const ipsn = current('ipsn');
  const started = expectStatus(await api('POST', `/cases/${c.id}/screenings`, { session: worker, body: { instrument_version_id: ipsn.id, stage: 'first' } }), 201);
  const flagged = expectStatus(
    await api('POST', `/cases/${c.id}/vulnerability-flags`, { session: worker, body: { category: 'elderly', severity: 'low', note: 'x' } }),
    201,
  );
  const sid = started.screenings[0].id;
  const fid = flagged.flags[0].id;
  const same = async (path, body, missingPath) => {
    const theirs = await api(path[0], path[1], { session: otherWorker, body });
    const none = await api(path[0], missingPath, { session: otherWorker, body });
    assert.equal(theirs.status, 404);
    assert.deepEqual(theirs.body, none.body);
  };
  await same(['PATCH', `/screenings/${sid}`], { instrument_version_id: ipsn.id, answers: [] }, `/screenings/${MISSING}`);
  await same(['POST', `/vulnerability-flags/${fid}/withdrawal`], { reason: 'x' }, `/vulnerability-flags/${MISSING}/withdrawal`);
  await same(['POST', `/cases/${c.id}/vulnerability-flags`], { category: 'fgm', severity: 'low', note: 'x' }, `/cases/${MISSING}/vulnerability-flags`);

  const t = expectStatus(await api('GET', '/screening-timeliness', { session: analyst }), 200);
  assert.equal(t.items.length, 12);
  assert.ok(t.items.some((m) => m.arrivals > 0));
  for (const m of t.items) {
    assert.deepEqual(Object.keys(m).sort(), ['arrivals', 'month', 'not_screened', 'screened_in_time', 'screened_late']);
    assert.equal(m.screened_in_time + m.screened_late + m.not_screened, m.arrivals);
  }
  expectError(await api('GET', '/screening-timeliness?from=2026-13', { session: analyst }), 400, 'validation_failed', ['from']);
});

test('publishing a version: bands and cut-off checked, the old version retired but readable', async () => {
  expectError(
    await api('POST', '/screening-instruments', {
      session: admin,
      body: { code: 'protect', reason: 'prova', bands: [{ band: 'low', min: 0, max: 3 }, { band: 'high', min: 5, max: 10 }] },
    }),
    422,
    'validation_failed',
    ['bands'],
  );
  expectError(await api('POST', '/screening-instruments', { session: admin, body: { code: 'ipsn', reason: 'prova', referral_cut_off: 3 } }), 422, 'validation_failed', [
    'referral_cut_off',
  ]);
  const before = current('protect');
  const v = expectStatus(await api('POST', '/screening-instruments', { session: admin, body: { code: 'protect', reason: 'soglia 9', referral_cut_off: 9 } }), 201);
  assert.equal(v.version, before.version + 1);
  assert.equal(v.referral_cut_off, 9);
  assert.deepEqual(v.bands, before.bands);
  const after = expectStatus(await api('GET', '/screening-instruments', { session: worker }), 200).items;
  assert.ok(after.find((x) => x.id === before.id).retired_at);
  instruments = after;
});
