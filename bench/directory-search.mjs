#!/usr/bin/env node
// p50/p95/p99 of GET /api/v1/directory/search over HTTP, one request at a time, per kind of
// query (bench/directory-search.sh starts the server):
//   node bench/directory-search.mjs BASE_URL [REQUESTS_PER_KIND] [SERVER_PID]
// With the server's pid, also its CPU time per request (user + system, from /proc): on a shared,
// loaded machine the wall times include waiting for a core, the CPU time is what a request costs.
import { readFileSync } from 'node:fs';

const [base, count = '300', pid] = process.argv.slice(2);
const cpuMs = () => {
  if (!pid) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
};
if (!base) {
  console.error('usage: node bench/directory-search.mjs BASE_URL [REQUESTS_PER_KIND]');
  process.exit(2);
}
const n = Number(count);
const pick = (i, list) => list[i % list.length];
const kinds = {
  'one word, 100k matches': (i) => ({ q: pick(i, ['consulenza', 'assistenza', 'orientamento']) }),
  'two words, few matches': (i) => ({ q: `servizio ${(i * 7919) % 100000}` }),
  'prefix while typing': (i) => ({ q: pick(i, ['consu', 'orient', 'assist', 'serv']) }),
  'arabic words, no match': () => ({ q: 'استشارة قانونية', lang: 'ar' }),
  'browse, municipality': () => ({ municipality: '082053' }),
  'near, 2 km, by distance': (i) => ({ near: `${38 + (i % 100) / 1000},${13.3 + (i % 70) / 1000}`, radius_km: '2', sort: 'distance' }),
  'text + near + filter': (i) => ({ q: 'consulenza', near: `38.05,13.33`, radius_km: String(1 + (i % 5)), municipality: '082053' }),
  'page 50 of one word': () => ({ q: 'consulenza', page: '50', per_page: '20' }),
};
const quantile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
console.log('| query | requests | p50 ms | p95 ms | p99 ms | server CPU ms/request | total (first) |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, make] of Object.entries(kinds)) {
  const times = [];
  let total = 0;
  let cpuStart = 0;
  for (let i = 0; i < n + 10; i++) {
    const url = `${base}/api/v1/directory/search?${new URLSearchParams(make(i))}`;
    const start = process.hrtime.bigint();
    const res = await fetch(url);
    const body = await res.json();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
    if (i === 0) total = body.total;
    if (i === 9) cpuStart = cpuMs();
    if (i >= 10) times.push(ms); // the first ten warm the connection and caches
  }
  times.sort((a, b) => a - b);
  const f = (x) => x.toFixed(2);
  const cpu = pid ? f((cpuMs() - cpuStart) / n) : '-';
  console.log(`| ${name} | ${n} | ${f(quantile(times, 0.5))} | ${f(quantile(times, 0.95))} | ${f(quantile(times, 0.99))} | ${cpu} | ${total} |`);
}
