// Writes name.br and name.gz beside every compressible file of the built app (web/dist), so the
// server sends them to browsers that accept them without compressing anything per request
// (src/http/static_files.cc). Runs after `vite build`; Node's own zlib has both codings.
// Usage: node scripts/precompress.mjs [dir]   (default: dist)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
// Text and uncompressed fonts; woff2, woff and images are compressed already.
const COMPRESSIBLE = new Set(['.css', '.geojson', '.html', '.ico', '.js', '.json', '.map', '.mjs', '.svg',
  '.ttf', '.txt', '.webmanifest', '.xml']);
// Below this a compressed copy saves less than a packet: the server's threshold for API answers too.
const MIN_BYTES = 1024;

function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

let original = 0;
let brotli = 0;
let gzip = 0;
for (const path of [...files(dir)]) {
  if (!COMPRESSIBLE.has(extname(path).toLowerCase()) || statSync(path).size < MIN_BYTES) continue;
  const data = readFileSync(path);
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]:
        extname(path) === '.ttf' ? constants.BROTLI_MODE_FONT : constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  // A copy that is not smaller would only cost disk and a stat per request.
  if (br.length < data.length) writeFileSync(`${path}.br`, br);
  if (gz.length < data.length) writeFileSync(`${path}.gz`, gz);
  original += data.length;
  brotli += Math.min(br.length, data.length);
  gzip += Math.min(gz.length, data.length);
  if (process.env.PRECOMPRESS_VERBOSE) console.log(`${relative(dir, path)}: ${data.length} -> br ${br.length}, gz ${gz.length}`);
}
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`precompress: ${kb(original)} of text -> brotli ${kb(brotli)}, gzip ${kb(gzip)}`);
