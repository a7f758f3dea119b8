// Development aid only (the real test runs against ./newsstream local): serves the dashboard's
// static files and a canned imitation of the query API, built from seeds/*.txt with a naive
// string-matching "tagger", plus an SSE stream that bumps a random country every few seconds.
//
//   node dev-server.mjs [port]      then open http://localhost:8090/
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = Number(process.argv[2] ?? process.env.PORT ?? 8090);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PUBLIC = join(ROOT, 'streams-app/src/main/resources/public');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

const NAMES = { IL: 'Israel', AZ: 'Azerbaijan', IR: 'Iran', AM: 'Armenia', TR: 'Turkey', GE: 'Georgia', KZ: 'Kazakhstan', UZ: 'Uzbekistan', UA: 'Ukraine', HU: 'Hungary', AL: 'Albania', MD: 'Moldova', XK: 'Kosovo', PK: 'Pakistan', CZ: 'Czechia', SK: 'Slovakia', AT: 'Austria', HR: 'Croatia', FR: 'France', DE: 'Germany', GB: 'United Kingdom', RU: 'Russia', US: 'United States' };
const LEXICON = [
  ['COUNTRY', 'Azerbaijani', 'AZ', 'DEMONYM'], ['COUNTRY', 'Azerbaijan', 'AZ', 'NAME'], ['COUNTRY', 'Azeri', 'AZ', 'DEMONYM'],
  ['COUNTRY', 'Israeli', 'IL', 'DEMONYM'], ['COUNTRY', 'Israel', 'IL', 'NAME'], ['COUNTRY', 'the Jewish state', 'IL', 'METONYM'],
  ['COUNTRY', 'Iranian', 'IR', 'DEMONYM'], ['COUNTRY', 'Iran', 'IR', 'NAME'], ['COUNTRY', 'the Islamic Republic', 'IR', 'METONYM'],
  ['COUNTRY', 'Armenia', 'AM', 'NAME'], ['COUNTRY', 'Turkey', 'TR', 'NAME'], ['COUNTRY', 'Georgia', 'GE', 'NAME'],
  ['COUNTRY', 'Kazakhstan', 'KZ', 'NAME'], ['COUNTRY', 'Kazakh', 'KZ', 'DEMONYM'], ['COUNTRY', 'Uzbekistan', 'UZ', 'NAME'],
  ['COUNTRY', 'Ukraine', 'UA', 'NAME'], ['COUNTRY', 'Hungary', 'HU', 'NAME'], ['COUNTRY', 'Albania', 'AL', 'NAME'],
  ['COUNTRY', 'Moldova', 'MD', 'NAME'], ['COUNTRY', 'Kosovo', 'XK', 'NAME'], ['COUNTRY', 'Pakistan', 'PK', 'NAME'],
  ['COUNTRY', 'France', 'FR', 'NAME'], ['COUNTRY', 'Germany', 'DE', 'NAME'], ['COUNTRY', 'United Kingdom', 'GB', 'NAME'],
  ['COUNTRY', 'the Kremlin', 'RU', 'METONYM'], ['COUNTRY', 'Russia', 'RU', 'NAME'],
  ['PLACE', 'Tel Aviv', 'IL'], ['PLACE', 'Jerusalem', 'IL'], ['PLACE', 'Baku', 'AZ'], ['PLACE', 'Tehran', 'IR'], ['PLACE', 'Tbilisi', 'GE'],
  ['PLACE', 'Prague', 'CZ'], ['PLACE', 'Bratislava', 'SK'], ['PLACE', 'Vienna', 'AT'], ['PLACE', 'Zagreb', 'HR'], ['PLACE', 'Munich', 'DE'],
  ['PLACE', 'Islamabad', 'PK'], ['PLACE', 'Ceyhan', 'TR'], ['PLACE', 'Strasbourg', 'FR'],
  ['PERSON', 'Fariz Rzayev'], ['PERSON', 'Eli Cohen'],
  ['ORGANIZATION', 'IAEA'], ['ORGANIZATION', 'International Atomic Energy Agency'], ['ORGANIZATION', 'United Nations'], ['ORGANIZATION', 'E3'],
  ['HISTORICAL_STATE', 'Soviet Union', 'SUHH'],
];

function tag(str, section) {
  const found = [];
  for (const [type, surface, code, kind] of LEXICON) {
    for (let i = str.indexOf(surface); i >= 0; i = str.indexOf(surface, i + surface.length)) {
      const before = str[i - 1] ?? ' ', after = str[i + surface.length] ?? ' ';
      if (/\w/.test(before) || /\w/.test(after)) continue;
      if (found.some((e) => e.section === section && i < e.end && i + surface.length > e.start)) continue;
      found.push({ type, text: surface, section, start: i, end: i + surface.length, id: code ?? null, country: type === 'PERSON' || type === 'ORGANIZATION' ? null : code, kind: kind ?? null });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function loadArticles() {
  const dir = join(ROOT, 'seeds');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((file) => {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    const headline = lines.findIndex((l, i) => i < 3 && l.length > 30 && l.length < 120 && !l.includes(' - '));
    const dateLine = lines.find((l) => /^date \d{4}/.test(l)) ?? '';
    const published = lines.find((l) => l.startsWith('Published:')) ?? '';
    const byline = lines.find((l) => l.startsWith('By ')) ?? '';
    let eventTime = dateLine ? `${dateLine.slice(5, 15)}T12:00:00Z` : new Date(`${published.slice(11)} UTC`).toISOString();
    const body = lines.slice(lines.indexOf(byline) + 1).join('\n').trim();
    const title = lines[headline];
    const entities = [...tag(title, 'TITLE'), ...tag(body, 'TEXT')];
    const countries = {}, places = {};
    for (const e of entities) {
      if (e.type === 'COUNTRY') countries[e.country] = (countries[e.country] ?? 0) + 1;
      if (e.type === 'PLACE') places[e.country] = (places[e.country] ?? 0) + 1;
    }
    return { id: file.replace(/\.txt$/, ''), title, author: byline.slice(3), source: 'seeds', url: null, language: 'en', publishedAt: eventTime, eventTime, text: body, countries, places, entities };
  });
}

const articles = loadArticles();
const counts = {};
for (const a of articles) for (const [c, n] of Object.entries(a.countries)) counts[c] = (counts[c] ?? 0) + n;
const ranking = () => Object.entries(counts).map(([country, count]) => ({ country, name: NAMES[country] ?? country, count }))
  .sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
const clients = new Set();

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
const bad = (res, message) => json(res, 400, { status: 400, message });

function timeline(code, q) {
  const to = new Date(q.get('to') ?? Date.now()), from = new Date(q.get('from') ?? to - 7 * 864e5);
  const step = q.get('interval') === 'PT1H' ? 36e5 : 864e5;
  const start = Math.floor(from / step) * step;
  if ((to - start) / step > 1000) return null;
  const points = [];
  for (let t = start; t < to; t += step) {
    const n = articles.filter((a) => a.countries[code] && Math.floor(Date.parse(a.eventTime) / step) * step === t)
      .reduce((s, a) => s + a.countries[code], 0);
    points.push({ start: new Date(t).toISOString().replace('.000', ''), count: n });
  }
  return { country: code, interval: step === 36e5 ? 'PT1H' : 'P1D', from: from.toISOString(), to: to.toISOString(), points };
}

function api(path, q, res) {
  const limit = Number(q.get('limit') ?? 10);
  let m;
  if (path === '/health/ready') return json(res, 200, { status: 'UP' });
  if (path === '/api/v1/countries/top') {
    const window = q.get('window') ?? 'all';
    if (window !== 'all' && !/^P/.test(window)) return bad(res, `window: not 'all' or an ISO-8601 duration: '${window}'`);
    return json(res, 200, window === 'all' ? ranking().slice(0, limit) : []);
  }
  if ((m = path.match(/^\/api\/v1\/countries\/([A-Za-z]{2})(\/\w+)?$/))) {
    const code = m[1].toUpperCase(), sub = m[2];
    if (!NAMES[code]) return json(res, 404, { status: 404, message: `unknown country '${code}'` });
    const mine = articles.filter((a) => a.countries[code]).sort((a, b) => b.eventTime.localeCompare(a.eventTime));
    if (!sub) {
      const places = {};
      for (const a of mine) for (const e of a.entities) if (e.type === 'PLACE' && e.country === code) places[e.text] = (places[e.text] ?? 0) + 1;
      return json(res, 200, { country: code, name: NAMES[code], total: counts[code] ?? 0, last24h: 0, last7d: 0, places });
    }
    if (sub === '/timeline') return json(res, 200, timeline(code, q) ?? { status: 400, message: 'more than 1000 points' });
    if (sub === '/related') {
      const shared = {};
      for (const a of mine) for (const c of Object.keys(a.countries)) if (c !== code) shared[c] = (shared[c] ?? 0) + 1;
      return json(res, 200, Object.entries(shared).map(([country, count]) => ({ country, name: NAMES[country] ?? country, count }))
        .sort((a, b) => b.count - a.count || a.country.localeCompare(b.country)).slice(0, limit));
    }
    if (sub === '/articles') {
      const offset = Number(q.get('cursor') ?? 0);
      const page = mine.slice(offset, offset + limit).map(({ id, title, eventTime }) => ({ id, title, eventTime }));
      return json(res, 200, { articles: page, nextCursor: offset + limit < mine.length ? String(offset + limit) : null });
    }
  }
  if ((m = path.match(/^\/api\/v1\/articles\/(.+)$/))) {
    const a = articles.find((x) => x.id === m[1]);
    return a ? json(res, 200, a) : json(res, 404, { status: 404, message: `no article with id '${m[1]}'` });
  }
  if (path === '/api/v1/stream') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': hello\n\n');
    clients.add(res);
    res.on('close', () => clients.delete(res));
    return;
  }
  json(res, 404, { status: 404, message: `no such resource: ${path}` });
}

setInterval(() => {
  const codes = Object.keys(counts);
  const code = codes[Math.floor(Math.random() * codes.length)];
  counts[code] += 1;
  for (const c of clients) c.write(`event: count\ndata: ${JSON.stringify({ country: code, name: NAMES[code], count: counts[code] })}\n\n`);
}, Number(process.env.TICK_MS ?? 4000));
setInterval(() => { for (const c of clients) c.write(': ping\n\n'); }, 15000);

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/health/')) return api(url.pathname, url.searchParams, res);
  const file = normalize(join(PUBLIC, url.pathname === '/' ? 'index.html' : url.pathname));
  if (!file.startsWith(PUBLIC) || !existsSync(file)) return json(res, 404, { status: 404, message: 'not found' });
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}).listen(PORT, '127.0.0.1', () => console.log(`dev server: http://localhost:${PORT}/  (canned API from seeds/)`));
