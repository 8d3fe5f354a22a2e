// The mails the test SMTP sink received (tests/support/smtp-sink.mjs writes them into
// INNET_MAIL_DIR): decoded, for the tests to read links from.
import fs from 'node:fs';
import path from 'node:path';

export const MAIL_DIR = process.env.INNET_MAIL_DIR;

// One stored message: headers (lower-case names) and the text body (base64 or 8bit).
export function parseMail(raw) {
  const split = raw.data.indexOf('\r\n\r\n');
  const head = raw.data.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rawBody = raw.data.slice(split + 4);
  const body = /base64/i.test(headers['content-transfer-encoding'] ?? '')
    ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8')
    : rawBody;
  const subject = (headers.subject ?? '').replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b) =>
    Buffer.from(b, 'base64').toString('utf8'),
  );
  return { from: raw.from, to: raw.to, headers, subject, body: body.replace(/\r\n/g, '\n') };
}

// Every mail received so far for the address, oldest first.
export function mailsTo(address) {
  if (!MAIL_DIR || !fs.existsSync(MAIL_DIR)) return [];
  return fs
    .readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(MAIL_DIR, f), 'utf8')))
    .filter((m) => m.to.includes(address))
    .map(parseMail);
}

// Waits until the address has received `count` mails (the server sends them in the background).
export async function waitForMails(address, count = 1, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = mailsTo(address);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`${count} mail(s) to ${address} did not arrive, ${mails.length} did`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
