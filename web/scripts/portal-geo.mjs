// Writes the portal's map outlines and list of municipalities from the shared geographic reference
// (shared/reference/geo, openpolis' simplified TopoJSON of ISTAT's limits, CC BY): run once when
// the reference changes; both outputs are committed.
//   public/geo/palermo-municipalities.geojson  the 82 outlines, coordinates to 4 decimals (~10 m),
//                                              properties { code (ISTAT), name } only
//   src/portal/municipalities.ts               [ISTAT code, name] sorted by name, for the filter
// Usage: node scripts/portal-geo.mjs /work/shared/reference/geo
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/portal-geo.mjs <shared/reference/geo>');
const topo = JSON.parse(readFileSync(join(dir, 'palermo-municipalities.topo.json'), 'utf8'));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const round = (v) => Math.round(v * 1e4) / 1e4;

// TopoJSON arcs are delta-encoded in quantised units; a negative index is the arc reversed.
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [round(x * sx + tx), round(y * sy + ty)];
  });
});
const ring = (indexes) => {
  const points = [];
  for (const i of indexes) {
    const arc = i < 0 ? [...arcs[~i]].reverse() : arcs[i];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
};
const names = new Map(
  readFileSync(join(dir, 'palermo-municipalities.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map(([code, name]) => [name, code]),
);
const features = topo.objects.municipalities.geometries.map((g) => {
  const code = g.properties.com_istat_code ?? names.get(g.properties.name);
  if (!/^\d{6}$/.test(code ?? '')) throw new Error(`no ISTAT code for ${g.properties.name}`);
  const coordinates = g.type === 'Polygon' ? g.arcs.map(ring) : g.arcs.map((p) => p.map(ring));
  return { type: 'Feature', properties: { code, name: g.properties.name }, geometry: { type: g.type, coordinates } };
});
if (features.length !== 82) throw new Error(`expected 82 municipalities, found ${features.length}`);
writeFileSync('public/geo/palermo-municipalities.geojson', JSON.stringify({ type: 'FeatureCollection', features }));
const list = features.map((f) => [f.properties.code, f.properties.name]).sort((a, b) => a[1].localeCompare(b[1], 'it'));
writeFileSync(
  'src/portal/municipalities.ts',
  `// The 82 municipalities of the Metropolitan City of Palermo: [ISTAT code, name], by name.
// Written by scripts/portal-geo.mjs from shared/reference/geo (ISTAT, CC BY, via openpolis).
export const MUNICIPALITIES: readonly (readonly [string, string])[] = ${JSON.stringify(list)};
`,
);
console.log(`${features.length} municipalities`);
