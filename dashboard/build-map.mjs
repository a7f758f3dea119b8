// Builds streams-app/src/main/resources/public/world.json, the dashboard's world map, from
// world-atlas (Natural Earth 1:50m admin-0 countries, public domain; TopoJSON by Mike Bostock, ISC)
// with the ISO 3166-1 numeric -> alpha-2 table of i18n-iso-countries (MIT).
//
// The output is ready to draw: one SVG path per country, already projected (Natural Earth I,
// the projection d3-geo calls geoNaturalEarth1), simplified to what a 1000-unit-wide map can show,
// in relative path commands with one decimal. The page does no geometry at all.
//
//   npm run build-map          (run again only to change the map; the output is committed)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const OUT = fileURLToPath(new URL('../streams-app/src/main/resources/public/world.json', import.meta.url));
const topo = require('world-atlas/countries-50m.json');
const codes = require('i18n-iso-countries/codes.json');
const atlasVersion = require('world-atlas/package.json').version;

const WIDTH = 1000;
const TOLERANCE = 0.12;     // outline error allowed by the simplification, in map units
const MIN_RING_AREA = 0.6;  // drop islands smaller than this (map units²) unless they are all a country has
const SOUTH = -57;          // Antarctica and the Southern Ocean are left out

const VIEWS = {  // [west, south, east, north] in degrees
  world: [-180, SOUTH, 180, 84],
  europe: [-25, 24, 70, 71],
  mideast: [20, 10, 75, 46],
};

// Natural Earth's disputed or unrecognised units carry no ISO code; mentions of the ISO entity cover them.
const BY_NAME = { Kosovo: 'XK', Somaliland: 'SO', 'N. Cyprus': 'CY' };
const alpha2 = new Map(codes.map(([a2, , num]) => [num, a2]));

// Natural Earth I (Šavrič, Patterson, Jenny 2011), the polynomial d3-geo uses.
function project([lon, lat]) {
  const l = lon * Math.PI / 180, p = lat * Math.PI / 180, p2 = p * p, p4 = p2 * p2;
  return [
    l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))),
    p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4))),
  ];
}
const [xMax] = project([180, 0]);
const scale = WIDTH / (2 * xMax);
const yTop = project([0, 84])[1], yBottom = project([0, SOUTH])[1];
const HEIGHT = Math.round((yTop - yBottom) * scale);
const toMap = (c) => { const [x, y] = project(c); return [(x + xMax) * scale, (yTop - y) * scale]; };

function area(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(a / 2);
}
function centroid(ring) {
  let x = 0, y = 0, a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    x += (ring[j][0] + ring[i][0]) * f; y += (ring[j][1] + ring[i][1]) * f; a += f;
  }
  return a === 0 ? ring[0] : [x / (3 * a), y / (3 * a)];
}
// Douglas-Peucker: keeps the vertices that move the outline by more than TOLERANCE map units.
function simplify(ring) {
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack = [[0, ring.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = ring[a], [bx, by] = ring[b];
    const len = Math.hypot(bx - ax, by - ay);
    let worst = -1, far = 0;
    for (let i = a + 1; i < b; i++) {
      const [x, y] = ring[i];
      const dist = len === 0 ? Math.hypot(x - ax, y - ay) : Math.abs((bx - ax) * (ay - y) - (ax - x) * (by - ay)) / len;
      if (dist > far) { far = dist; worst = i; }
    }
    if (far > TOLERANCE) { keep[worst] = 1; stack.push([a, worst], [worst, b]); }
  }
  return ring.filter((_, i) => keep[i]);
}
const r1 = (v) => Math.round(v * 10) / 10;
function ringPath(ring) {
  let [px, py] = [r1(ring[0][0]), r1(ring[0][1])];
  let d = `M${px} ${py}`;
  for (const p of ring.slice(1)) {
    const [x, y] = [r1(p[0]), r1(p[1])];
    if (x === px && y === py) continue;
    d += `l${r1(x - px)} ${r1(y - py)}`.replace(/ -/g, '-');
    [px, py] = [x, y];
  }
  return d + 'z';
}

// The map rectangle that holds a longitude/latitude box (edges sampled: meridians curve in this projection).
function viewBox([west, south, east, north]) {
  const pts = [];
  for (let lat = south; lat <= north; lat += 1) pts.push(toMap([west, lat]), toMap([east, lat]));
  pts.push(toMap([west, north]), toMap([east, north]), toMap([(west + east) / 2, north]), toMap([(west + east) / 2, south]));
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  const x = Math.max(0, Math.min(...xs)), y = Math.max(0, Math.min(...ys));
  return [r1(x), r1(y), r1(Math.min(WIDTH, Math.max(...xs)) - x), r1(Math.min(HEIGHT, Math.max(...ys)) - y)];
}

// world-atlas 2 leaves rings whole across the antimeridian (d3-geo cuts them while projecting); here a
// ring is unwrapped to continuous longitudes, clipped at ±180° and the far part moved a turn back.
function unwrap(ring) {
  const out = [ring[0].slice()];
  for (const [lon, lat] of ring.slice(1)) {
    let l = lon;
    const prev = out[out.length - 1][0];
    while (l - prev > 180) l -= 360;
    while (prev - l > 180) l += 360;
    out.push([l, lat]);
  }
  return out;
}
function clipAt(ring, edge, keepLeft) {  // Sutherland-Hodgman against the meridian lon = edge
  const inside = ([lon]) => (keepLeft ? lon <= edge : lon >= edge);
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    if (inside(a)) out.push(a);
    if (inside(a) !== inside(b)) {
      const t = (edge - a[0]) / (b[0] - a[0]);
      out.push([edge, a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}
function splitAtAntimeridian(ring) {
  let r = unwrap(ring);
  const min = Math.min(...r.map((p) => p[0]));
  if (min < -180) r = r.map(([lon, lat]) => [lon + 360, lat]);
  if (Math.max(...r.map((p) => p[0])) <= 180) return [r];
  const west = clipAt(r, 180, true), east = clipAt(r, 180, false).map(([lon, lat]) => [lon - 360, lat]);
  return [west, east].filter((part) => part.length >= 3);
}

const countries = [];
for (const f of feature(topo, topo.objects.countries).features) {
  const id = BY_NAME[f.properties.name] ?? alpha2.get(f.id);
  if (!id || id === 'AQ') continue;
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rings = polygons
    .filter((poly) => poly[0].some(([, lat]) => lat > SOUTH))
    // Only outer rings are split: no hole in Natural Earth's countries crosses the antimeridian.
    .flatMap((poly) => splitAtAntimeridian(poly[0]).map((outer, k) => (k === 0 ? [outer, ...poly.slice(1)] : [outer])))
    .map((poly) => poly.map((ring) => ring.map(toMap)));
  if (!rings.length) continue;
  const largest = rings.reduce((a, b) => (area(b[0]) > area(a[0]) ? b : a));
  const kept = rings.filter((poly) => poly === largest || area(poly[0]) >= MIN_RING_AREA);
  const d = kept.flatMap((poly) => poly.map(simplify).filter((r) => r.length >= 3).map(ringPath)).join('');
  const [cx, cy] = centroid(largest[0]);
  const existing = countries.find((c) => c.id === id);
  if (existing) { existing.d += d; continue; }  // e.g. N. Cyprus joins Cyprus
  countries.push({ id, name: f.properties.name, c: [r1(cx), r1(cy)], d });
}
countries.sort((a, b) => a.id.localeCompare(b.id));

const out = {
  source: `Natural Earth 1:50m admin-0 countries (public domain) via world-atlas ${atlasVersion} (ISC); ` +
    'ISO 3166-1 codes from i18n-iso-countries (MIT). Natural Earth I projection. Built by dashboard/build-map.mjs.',
  width: WIDTH, height: HEIGHT,
  // Zoom presets as SVG viewBoxes [x, y, width, height], from longitude/latitude corners.
  views: Object.fromEntries(Object.entries(VIEWS).map(([name, box]) => [name, viewBox(box)])),
  countries,
};
writeFileSync(OUT, JSON.stringify(out));
console.log(`${OUT}: ${countries.length} countries, ${(readFileSync(OUT).length / 1024).toFixed(0)} KB, ${WIDTH}x${HEIGHT}`);
