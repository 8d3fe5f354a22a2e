#!/usr/bin/env node
// A local SMTP sink for the tests: accepts every message on 127.0.0.1 and writes each one as a
// JSON file ({from, to, data, received_at}) into the folder given as first argument. Prints
// "smtp sink listening on 127.0.0.1:PORT" once ready (port 0: any free port, or the second
// argument). scripts/run-tests.sh starts it and hands its port to the server as
// INNET_SMTP_HOST/INNET_SMTP_PORT, and the folder to the tests as INNET_MAIL_DIR.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const [dir, port = '0'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: smtp-sink.mjs FOLDER [PORT]');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
let count = 0;

const server = net.createServer((socket) => {
  socket.setEncoding('utf8');
  let buffer = '';
  let inData = false;
  let mail = { from: '', to: [], lines: [] };
  const reply = (line) => socket.write(`${line}\r\n`);
  reply('220 innet-test-sink ESMTP');
  socket.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (inData) {
        if (line === '.') {
          inData = false;
          count += 1;
          const file = path.join(dir, `${Date.now()}-${process.pid}-${count}.json`);
          const body = { from: mail.from, to: mail.to, data: mail.lines.join('\r\n'), received_at: new Date().toISOString() };
          fs.writeFileSync(`${file}.tmp`, JSON.stringify(body));
          fs.renameSync(`${file}.tmp`, file); // readers never see half a file
          mail = { from: '', to: [], lines: [] };
          reply('250 stored');
        } else {
          mail.lines.push(line.startsWith('..') ? line.slice(1) : line);
        }
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO' || verb === 'HELO') {
        reply('250-innet-test-sink');
        reply('250 8BITMIME');
      } else if (verb === 'MAIL') {
        mail.from = (/<([^>]*)>/.exec(line) ?? [])[1] ?? '';
        reply('250 ok');
      } else if (verb === 'RCPT') {
        mail.to.push((/<([^>]*)>/.exec(line) ?? [])[1] ?? '');
        reply('250 ok');
      } else if (verb === 'DATA') {
        inData = true;
        reply('354 end with <CRLF>.<CRLF>');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
      } else if (verb === 'RSET' || verb === 'NOOP') {
        reply('250 ok');
      } else {
        reply('502 not implemented');
      }
    }
  });
  socket.on('error', () => {});
});

server.listen(Number(port), '127.0.0.1', () => {
  console.log(`smtp sink listening on 127.0.0.1:${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
