// The inspection report as a PDF (GET /inspections/{id}/report.pdf, issue 10 point 4): a demo
// inspection's report read back with poppler's pdftotext (scripts/setup.sh installs
// poppler-utils) says the centre's name, the areas' scores and the items' questions, and reads
// like the same inspection as JSON; a centre named in Arabic and Bengali comes out as named, its
// fonts embedded. Whoever may not read the inspection gets 404, as for the JSON.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createCentre } from '../centres/fixture.mjs';
import { api, API, BASE_URL, expectStatus, findOrganization, loginDemo, uniqueSuffix } from '../support/client.mjs';

let inspector, worker, officer, admin;
let inspection, detail, centre, checklist;

before(async () => {
  [inspector, worker, officer, admin] = await Promise.all(
    ['inspector', 'case_worker', 'prefecture_officer', 'admin'].map((r) => loginDemo(r)),
  );
  const issued = expectStatus(await api('GET', '/inspections?status=report_issued', { session: inspector }), 200);
  assert.ok(issued.items.length > 0, 'the demo data have issued reports');
  inspection = issued.items[0];
  detail = expectStatus(await api('GET', `/inspections/${inspection.id}`, { session: inspector }), 200);
  centre = expectStatus(await api('GET', `/centres/${inspection.centre_id}`, { session: inspector }), 200);
  checklist = expectStatus(await api('GET', `/checklists/${inspection.checklist_id}`, { session: inspector }), 200);
});

// A download as bytes (client.mjs reads bodies as text, which would mangle a PDF).
async function download(path, session) {
  const res = await fetch(BASE_URL + API + path, {
    headers: { cookie: `innet_session=${session.cookie}`, 'x-forwarded-for': session.address },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

// pdftotext (-raw keeps each table cell's lines together, in the order they were drawn) or pdfinfo.
function poppler(bytes, tool = 'pdftotext', args = ['-raw', '-enc', 'UTF-8']) {
  const dir = mkdtempSync(join(tmpdir(), 'innet-report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// One space for any run of white space; a line wrapped after a hyphen joins again.
const flat = (s) => s.replace(/-\s+/g, '-').replace(/\s+/g, ' ');

// The report's way of writing a score: one decimal at most, a decimal comma.
const italianPercent = (n) => `${String(Math.round(n * 10) / 10).replace('.', ',')}%`;

test('the report of a demo inspection is a PDF with its centre, scores and items', async () => {
  const started = performance.now();
  const file = await download(`/inspections/${inspection.id}/report.pdf`, inspector);
  const elapsed = performance.now() - started;
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  assert.equal(
    file.headers.get('content-disposition'),
    `attachment; filename="rapporto-ispezione-${inspection.id}-${inspection.planned_date}.pdf"`,
  );
  assert.equal(file.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = flat(poppler(file.bytes));
  assert.ok(text.includes(centre.name), 'the centre');
  assert.ok(text.includes(`Rapporto di ispezione n. ${inspection.id}`));
  const scored = detail.scores.areas.find((a) => a.score !== null);
  assert.ok(text.includes(italianPercent(scored.score)), `an area's score ${italianPercent(scored.score)}`);
  if (detail.scores.overall !== null) assert.ok(text.includes(`Complessivo ${italianPercent(detail.scores.overall)}`));
  for (const item of checklist.items) assert.ok(text.includes(flat(item.question.it)), item.question.it);
  assert.ok(/Pagina 1 di \d+/.test(text));
  // Each failed item that counts as a finding is listed under "Rilievi", with its deadline.
  const findings = expectStatus(await api('GET', `/findings?inspection_id=${inspection.id}`, { session: inspector }), 200).items;
  if (findings.length) {
    assert.ok(!text.includes('Nessun rilievo registrato'), 'the findings are listed');
    const [y, m, d] = findings[0].deadline.split('-');
    assert.ok(text.includes(`${d}/${m}/${y}`), `the deadline ${findings[0].deadline}`);
  } else {
    assert.ok(text.includes('Nessun rilievo registrato'));
  }
  const pages = Number(/Pages:\s+(\d+)/.exec(poppler(file.bytes, 'pdfinfo', []))[1]);
  assert.ok(pages >= 2, `${checklist.items.length} items take more than a page (${pages})`);
  console.log(`report.pdf of ${checklist.items.length} items: ${file.bytes.length} bytes, ${pages} pages, ${elapsed.toFixed(0)} ms`);
});

test('who may not read the inspection gets 404 for its report too', async () => {
  const planned = expectStatus(await api('GET', '/inspections?status=planned', { session: inspector }), 200);
  assert.ok(planned.items.length > 0, 'the demo data have planned inspections');
  // An operator's staff never see a planned visit, whichever centre it is about.
  const refused = await download(`/inspections/${planned.items[0].id}/report.pdf`, worker);
  assert.equal(refused.status, 404);
  assert.equal((await download('/inspections/999999999/report.pdf', inspector)).status, 404);
});

test('names in Arabic and Bengali come out of the report as they went in', async () => {
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  const suffix = uniqueSuffix();
  // No lam-alef here: poppler gives that ligature's two letters back reversed (decision 0024).
  const arabic = `مركز النور ${suffix}`;
  const bengali = `আশার কেন্দ্র ${suffix}`;
  const c = await createCentre(officer, { operator_id: ponte.id, name: arabic, address: bengali });
  const planned = expectStatus(
    await api('POST', '/inspections', {
      session: inspector,
      body: { centre_id: c.id, planned_date: '2026-11-20', team: [inspector.user.id], note: 'Олена Шевченко' },
    }),
    201,
  );
  for (const step of ['start', 'completion', 'report'])
    expectStatus(await api('POST', `/inspections/${planned.id}/${step}`, { session: inspector }), 201);
  const file = await download(`/inspections/${planned.id}/report.pdf`, inspector);
  assert.equal(file.status, 200);
  // Without -raw: pdftotext puts right-to-left runs back in reading order (wrapping them in
  // embedding marks, U+202B ... U+202C, not ours); -raw gives them in drawing order.
  const text = flat(poppler(file.bytes, 'pdftotext', ['-enc', 'UTF-8']).replace(/[\u202B\u202C]/g, ''));
  for (const expected of [arabic, bengali, 'Олена Шевченко']) assert.ok(text.includes(expected), `${expected} not in ${text}`);
  const fonts = poppler(file.bytes, 'pdffonts', []);
  assert.ok(fonts.includes('NotoSansArabic') && fonts.includes('NotoSansBengali'), fonts);
});
