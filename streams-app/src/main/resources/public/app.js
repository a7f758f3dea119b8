// newsstream dashboard. Plain ES module, no dependencies, no network access beyond this app's own
// API (relative URLs, so it also works behind a path prefix). Reads:
//   api/v1/countries/top, api/v1/countries/{code}[/timeline|/related|/articles], api/v1/articles/{id}
// and keeps itself current from the server-sent events of api/v1/stream. When the API answers 401
// (an instance started with NEWSSTREAM_API_TOKEN), it asks for the token, keeps it in this tab's
// session storage and sends it as a bearer token on every request, the stream included.

const TOP_LIMIT = 300;          // the API's maximum: the map wants every country that has a count
const RELATED_LIMIT = 8;
const ARTICLES_PAGE = 8;
const BARS_MAX = 200;           // more points than this are drawn as an area, not bars
const WINDOW_REFRESH_MS = 60_000;
const DAY = 86_400_000, HOUR = 3_600_000;
const TOKEN_KEY = 'newsstream.apiToken';
const STREAM_RETRY_MS = [1_000, 2_000, 5_000, 10_000];   // reconnect delays, the last one repeated

const ENTITY_TYPES = [
  ['COUNTRY', 'Country'], ['PLACE', 'Place'], ['PERSON', 'Person'],
  ['ORGANIZATION', 'Organisation'], ['HISTORICAL_STATE', 'Historical state'],
];
const WINDOW_LABELS = { all: 'all time', PT24H: 'the last 24 hours', P7D: 'the last 7 days', P30D: 'the last 30 days' };
// Few mentions -> many: from the background towards strong contrast, so light and dark schemes differ.
const RAMPS = { light: ['#dbeafe', '#93c5fd', '#3b82f6', '#1d4ed8', '#172554'], dark: ['#1e3a8a', '#1d4ed8', '#3b82f6', '#93c5fd', '#e0f2fe'] };
const darkScheme = matchMedia('(prefers-color-scheme: dark)');
let MAP_RAMP = darkScheme.matches ? RAMPS.dark : RAMPS.light;

const state = {
  window: 'all',
  view: 'world',
  range: 'data',
  ranking: [],            // [{country, name, count}] for state.window, largest first
  names: new Map(),       // code -> name, from every API answer seen
  selected: null,
  selection: 0,           // bumps on every selection so late answers for an old one are dropped
  articlesCursor: null,
  articleDates: [],       // eventTimes of the selected country's articles seen so far
  map: null,
  lastTimeline: null,     // redrawn at the new width when the window is resized
  flash: new Set(),
  apiToken: readToken(),  // bearer token for the API, when the instance requires one
};

const $ = (id) => document.getElementById(id);
const numberFormat = new Intl.NumberFormat();
const fmt = (n) => numberFormat.format(n);
const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

// ---------------------------------------------------------------- helpers

/** Builds an element: el('li', {class: 'x', onclick: f}, 'text', child). Text is never parsed as HTML. */
function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'style') node.style.cssText = v;   // through the CSSOM: the page's CSP refuses style attributes
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
  return node;
}

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined));
  const qs = query.toString();
  const url = `api/v1/${path}${qs ? `?${qs}` : ''}`;
  let res;
  try {
    res = await fetch(url, { headers: { accept: 'application/json', ...authHeaders() } });
  } catch {
    throw new ApiError(0, 'the server cannot be reached');
  }
  const body = await res.json().catch(() => null);
  if (res.status === 401) askForToken();
  if (!res.ok) throw new ApiError(res.status, body?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

// ---------------------------------------------------------------- API token

function readToken() {
  try { return sessionStorage.getItem(TOKEN_KEY); } catch { return null; }   // storage may be disabled
}

function authHeaders() {
  return state.apiToken ? { authorization: `Bearer ${state.apiToken}` } : {};
}

/** Opens the token dialog (once, however many requests were refused). */
function askForToken() {
  const dialog = $('token-dialog');
  if (dialog.open) return;
  $('token-message').textContent = state.apiToken
    ? 'The API refused this token. Enter the token the instance was started with.'
    : "This instance's API requires a bearer token (the one it was started with, from NEWSSTREAM_API_TOKEN or --api-token-file).";
  dialog.showModal();
  $('token-input').focus();
}

function useToken(value) {
  state.apiToken = value;
  try { sessionStorage.setItem(TOKEN_KEY, value); } catch { /* kept for this page only */ }
  showBanner(null);
  loadRanking();
  connectStream();
  if (state.selected) select(state.selected, { pushHash: false });
}

function nameOf(code) {
  if (state.names.has(code)) return state.names.get(code);
  try { return (code.length === 2 && regionNames?.of(code)) || code; } catch { return code; }
}
function learnNames(rows) {
  for (const r of rows) if (r.country && r.name) state.names.set(r.country, r.name);
}

const utcDate = (iso, opts = {}) => new Date(iso).toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', ...opts });
const utcDateTime = (iso) => new Date(iso).toLocaleString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }) + ' UTC';
const isoInstant = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const startOfDay = (ms) => Math.floor(ms / DAY) * DAY;

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

function showBanner(text, kind = 'warn') {
  const b = $('banner');
  if (!text) { b.hidden = true; return; }
  b.textContent = text;
  b.dataset.kind = kind;
  b.hidden = false;
}

function placeholder(container, text, kind = 'muted') {
  container.replaceChildren(el('li', { class: `placeholder ${kind}` }, text));
}

function setRadio(group, attr, value) {
  for (const b of group.querySelectorAll('button')) b.setAttribute('aria-checked', String(b.dataset[attr] === value));
}

// ---------------------------------------------------------------- ranking (table and bars)

async function loadRanking({ quiet = false } = {}) {
  const windowAsked = state.window;
  try {
    const rows = await api('countries/top', { limit: TOP_LIMIT, window: windowAsked });
    if (windowAsked !== state.window) return;
    learnNames(rows);
    const before = new Map(state.ranking.map((r) => [r.country, r.count]));
    if (quiet) for (const r of rows) if (before.has(r.country) && before.get(r.country) !== r.count) state.flash.add(r.country);
    state.ranking = rows;
    showBanner(null);
    renderRanking();
    paintMap();
    // Nothing chosen yet: show the leader rather than an empty panel.
    if (!state.selected && rows.length) select(rows[0].country, { pushHash: false });
  } catch (e) {
    if (e.status === 503 || e.status === 0) {
      showBanner('The streams app is not queryable yet (starting or rebalancing). Retrying…');
      setTimeout(() => loadRanking(), 2000);
    } else {
      showBanner(`Could not load the counts: ${e.message}`, 'error');
    }
  }
}

function renderRanking() {
  const body = $('rank-table').tBodies[0];
  const rows = state.ranking;
  const max = rows[0]?.count ?? 0;
  const total = rows.reduce((s, r) => s + r.count, 0);
  $('ranking-summary').textContent = rows.length
    ? `${fmt(total)} mentions of ${fmt(rows.length)} ${rows.length === 1 ? 'country' : 'countries'} · ${WINDOW_LABELS[state.window] ?? state.window}`
    : '';
  const empty = $('ranking-empty');
  empty.hidden = rows.length > 0;
  empty.textContent = state.window === 'all'
    ? 'No country has been counted yet. Counts appear here as articles are tagged.'
    : `No mentions in ${WINDOW_LABELS[state.window] ?? state.window}. Articles are counted by the time of their event, so older news only shows under “All time”.`;
  body.replaceChildren(...rows.map((r, i) => {
    const tr = el('tr', {
      tabindex: 0, dataset: { country: r.country }, 'aria-selected': String(r.country === state.selected),
      onclick: () => select(r.country),
      onkeydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(r.country); } },
      onmouseenter: () => highlightOnMap(r.country, true),
      onmouseleave: () => highlightOnMap(r.country, false),
    },
    el('td', { class: 'num rank' }, i + 1),
    el('td', { class: 'country-cell' }, el('span', { class: 'code-pill' }, r.country), el('span', { class: 'country-name' }, r.name ?? nameOf(r.country))),
    el('td', { class: 'bar-col' }, el('div', { class: 'bar-cell' },
      el('div', { class: 'bar-track' },
        el('div', { class: 'bar', style: `width:${max ? Math.max(1.5, (100 * r.count) / max) : 0}%; background:${rampColor(r.count, max)}` })),
      el('span', { class: 'count' }, fmt(r.count)))));
    if (state.flash.has(r.country)) tr.classList.add('flash');
    return tr;
  }));
  state.flash.clear();
}

/** A live all-time count: applied in place when the table shows all time, otherwise the window is re-asked. */
function applyLiveCount({ country, name, count }) {
  if (name) state.names.set(country, name);
  if (state.window === 'all') {
    const row = state.ranking.find((r) => r.country === country);
    if (row) row.count = count; else state.ranking.push({ country, name: name ?? nameOf(country), count });
    state.ranking.sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
    state.flash.add(country);
    renderRanking();
    paintMap();
  } else {
    refreshWindowed();
  }
  if (country === state.selected) refreshSelected();
}
const refreshWindowed = debounce(() => loadRanking({ quiet: true }), 1500);

// ---------------------------------------------------------------- map

async function loadMap() {
  const svg = $('map');
  try {
    const res = await fetch('world.json');
    if (!res.ok) throw new Error(`${res.status}`);
    const world = await res.json();
    state.map = { world, paths: new Map(), markers: el('svg:g', { class: 'markers' }) };
    svg.setAttribute('viewBox', world.views[state.view].join(' '));
    const land = el('svg:g', { class: 'land' });
    for (const c of world.countries) {
      const path = el('svg:path', { d: c.d, class: 'country', dataset: { country: c.id }, tabindex: -1 });
      state.map.paths.set(c.id, { path, centre: c.c, mapName: c.name });
      land.append(path);
    }
    svg.append(el('svg:rect', { class: 'sea', x: -500, y: -500, width: 2000, height: 1500 }), land, state.map.markers);
    for (const entry of state.map.paths.values()) {
      const box = entry.path.getBBox();
      entry.small = box.width < 7 && box.height < 7;
    }
    svg.addEventListener('click', (ev) => {
      const code = ev.target.closest('[data-country]')?.dataset.country;
      if (code) select(code);
    });
    svg.addEventListener('mousemove', (ev) => {
      const code = ev.target.closest('[data-country]')?.dataset.country;
      if (!code) { hideTooltip(); return; }
      const count = state.ranking.find((r) => r.country === code)?.count ?? 0;
      const label = state.names.get(code) ?? state.map.paths.get(code)?.mapName ?? code;
      showTooltip(ev, label, `${fmt(count)} mention${count === 1 ? '' : 's'} · ${WINDOW_LABELS[state.window] ?? state.window}`);
    });
    svg.addEventListener('mouseleave', hideTooltip);
    $('map-loading').hidden = true;
    paintMap();
  } catch (e) {
    $('map-loading').textContent = `The map could not be loaded (${e.message}).`;
  }
}

function rampColor(count, max) {
  if (!count || !max) return 'var(--map-empty)';
  const t = max <= 1 ? 1 : Math.log1p(count) / Math.log1p(max);     // log scale: one country often dwarfs the rest
  const x = 0.12 + 0.88 * t;
  const i = Math.min(MAP_RAMP.length - 2, Math.floor(x * (MAP_RAMP.length - 1)));
  return mix(MAP_RAMP[i], MAP_RAMP[i + 1], x * (MAP_RAMP.length - 1) - i);
}
function mix(a, b, t) {
  const pa = [1, 3, 5].map((k) => parseInt(a.slice(k, k + 2), 16)), pb = [1, 3, 5].map((k) => parseInt(b.slice(k, k + 2), 16));
  return `rgb(${pa.map((v, k) => Math.round(v + (pb[k] - v) * t)).join(',')})`;
}

function paintMap() {
  if (!state.map) return;
  const counts = new Map(state.ranking.map((r) => [r.country, r.count]));
  const max = state.ranking[0]?.count ?? 0;
  const markers = [];
  const r = state.map.world.views[state.view][2] / 260;
  for (const [code, entry] of state.map.paths) {
    const count = counts.get(code) ?? 0;
    entry.path.style.fill = rampColor(count, max);
    entry.path.classList.toggle('has-count', count > 0);
    entry.path.classList.toggle('selected', code === state.selected);
    // Countries too small to see at world scale get a dot, so Israel or Kosovo are never invisible.
    if (count > 0 && entry.small) {
      markers.push(el('svg:circle', { cx: entry.centre[0], cy: entry.centre[1], r, class: `marker${code === state.selected ? ' selected' : ''}`, dataset: { country: code }, style: `fill:${rampColor(count, max)}` }));
    }
  }
  state.map.markers.replaceChildren(...markers);
  const sel = state.selected && state.map.paths.get(state.selected)?.path;
  if (sel) sel.parentNode.append(sel);   // drawn last, so its outline is not hidden by neighbours
  renderLegend(max);
}

function renderLegend(max) {
  const legend = $('map-legend');
  if (!max) { legend.replaceChildren(el('span', { class: 'muted' }, 'No mentions in this window')); return; }
  const stops = MAP_RAMP.map((c, i) => `${c} ${(i * 100) / (MAP_RAMP.length - 1)}%`).join(',');
  const mid = Math.round(Math.expm1(Math.log1p(max) / 2));
  legend.replaceChildren(
    el('span', { class: 'swatch' }), el('span', {}, '0'),
    el('span', { class: 'ramp', style: `background:linear-gradient(90deg,${stops})` }),
    el('span', { class: 'ramp-labels' }, el('span', {}, '1'), max > 3 ? el('span', {}, fmt(mid)) : null, el('span', {}, fmt(max))),
    el('span', { class: 'muted legend-note' }, 'mentions, log scale'));
}

function highlightOnMap(code, on) {
  state.map?.paths.get(code)?.path.classList.toggle('hover', on);
}

function setView(view) {
  if (!state.map || !state.map.world.views[view]) return;
  const svg = $('map');
  const from = svg.getAttribute('viewBox').split(' ').map(Number), to = state.map.world.views[view];
  state.view = view;
  setRadio($('view-picker'), 'view', view);
  const t0 = performance.now(), duration = matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 450;
  const step = (now) => {
    const t = duration ? Math.min(1, (now - t0) / duration) : 1, e = 1 - (1 - t) ** 3;
    svg.setAttribute('viewBox', from.map((v, i) => v + (to[i] - v) * e).join(' '));
    if (t < 1) requestAnimationFrame(step); else paintMap();
  };
  requestAnimationFrame(step);
}

// ---------------------------------------------------------------- tooltip

function showTooltip(ev, title, text) {
  const tip = $('tooltip');
  tip.replaceChildren(el('strong', {}, title), el('span', {}, text));
  tip.hidden = false;
  const pad = 14, { innerWidth: w } = window, box = tip.getBoundingClientRect();
  tip.style.left = `${Math.min(ev.clientX + pad, w - box.width - 8)}px`;
  tip.style.top = `${Math.max(8, ev.clientY - box.height - pad)}px`;
}
function hideTooltip() { $('tooltip').hidden = true; }

// ---------------------------------------------------------------- selected country

function select(code, { pushHash = true } = {}) {
  code = code.toUpperCase();
  state.selected = code;
  state.selection += 1;
  state.range = 'data';
  state.articleDates = [];
  setRadio($('range-picker'), 'range', 'data');
  if (pushHash) writeHash();
  for (const tr of $('rank-table').tBodies[0].rows) tr.setAttribute('aria-selected', String(tr.dataset.country === code));
  paintMap();
  $('detail-empty').hidden = true;
  $('detail-body').hidden = false;
  $('detail-code').textContent = code;
  $('detail-title').textContent = nameOf(code);
  for (const id of ['stat-total', 'stat-7d', 'stat-24h']) $(id).textContent = '–';
  $('timeline').replaceChildren(el('p', { class: 'muted chart-note' }, 'Loading…'));
  $('timeline-caption').textContent = '';
  placeholder($('related'), 'Loading…');
  placeholder($('places'), 'Loading…');
  placeholder($('articles'), 'Loading…');
  $('more-articles').hidden = true;
  loadCountry(code);
  loadRelated(code);
  // The default timeline range follows the articles' dates, so it waits for the first page.
  loadArticles(code, { reset: true }).finally(() => loadTimeline(code));
  // On one-column layouts the details are below the fold: bring them up when someone clicks.
  if (pushHash && matchMedia('(max-width: 1000px)').matches) $('detail').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

const stillSelected = (code, token) => state.selected === code && state.selection === token;

async function loadCountry(code, token = state.selection) {
  try {
    const c = await api(`countries/${code}`);
    if (!stillSelected(code, token)) return;
    state.names.set(code, c.name);
    $('detail-title').textContent = c.name;
    $('stat-total').textContent = fmt(c.total);
    $('stat-7d').textContent = fmt(c.last7d ?? 0);
    $('stat-24h').textContent = fmt(c.last24h ?? 0);
    const places = Object.entries(c.places ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (places.length) {
      $('places').replaceChildren(...places.slice(0, 12).map(([p, n]) => el('li', { class: 'chip' }, p, el('span', { class: 'chip-count' }, fmt(n)))));
    } else {
      placeholder($('places'), 'No places named in it yet');
    }
  } catch (e) {
    if (!stillSelected(code, token)) return;
    $('detail-title').textContent = nameOf(code);
    placeholder($('places'), e.status === 404 ? 'Not a country the tagger knows' : `Could not load: ${e.message}`, 'error');
  }
}

async function loadRelated(code, token = state.selection) {
  try {
    // Co-mentions may be kept for fewer windows than counts: a window the API refuses falls back to all time.
    let win = state.window;
    const rows = await api(`countries/${code}/related`, { limit: RELATED_LIMIT, window: win }).catch((e) => {
      if (e.status !== 400 || win === 'all') throw e;
      win = 'all';
      return api(`countries/${code}/related`, { limit: RELATED_LIMIT, window: win });
    });
    if (!stillSelected(code, token)) return;
    learnNames(rows);
    $('related-note').textContent = `Countries in the same articles, by shared articles · ${WINDOW_LABELS[win] ?? win}`;
    if (!rows.length) { placeholder($('related'), 'No other country in its articles'); return; }
    const max = rows[0].count;
    $('related').replaceChildren(...rows.map((r) => el('li', {},
      el('button', { type: 'button', class: 'related-row', dataset: { country: r.country }, onclick: () => select(r.country) },
        el('span', { class: 'code-pill' }, r.country),
        el('span', { class: 'related-name' }, r.name ?? nameOf(r.country)),
        el('span', { class: 'mini-track' }, el('span', { class: 'mini-bar', style: `width:${(100 * r.count) / max}%` })),
        el('span', { class: 'count', title: `${r.count} shared article${r.count === 1 ? '' : 's'}` }, fmt(r.count))))));
  } catch (e) {
    if (stillSelected(code, token)) placeholder($('related'), `Could not load: ${e.message}`, 'error');
  }
}

async function loadArticles(code, { reset = false } = {}, token = state.selection) {
  const list = $('articles'), more = $('more-articles');
  try {
    const page = await api(`countries/${code}/articles`, { limit: ARTICLES_PAGE, cursor: reset ? null : state.articlesCursor });
    if (!stillSelected(code, token)) return;
    const items = page.articles.map((a) => el('li', {},
      el('button', { type: 'button', class: 'article-row', dataset: { article: a.id }, onclick: () => openArticle(a.id) },
        el('span', { class: 'article-title' }, a.title || a.id),
        el('time', { datetime: a.eventTime }, utcDate(a.eventTime)))));
    if (reset) {
      state.articleDates = [];
      if (items.length) list.replaceChildren(...items); else placeholder(list, 'No articles yet');
    } else {
      list.append(...items);
    }
    state.articleDates.push(...page.articles.map((a) => Date.parse(a.eventTime)).filter(Number.isFinite));
    state.articlesCursor = page.nextCursor;
    more.hidden = !page.nextCursor;
  } catch (e) {
    if (stillSelected(code, token)) placeholder(list, `Could not load: ${e.message}`, 'error');
  }
}

/** The timeline's range: around the country's articles (daily, at least 30 days), or the last 7/30/365 days. */
function timelineQuery() {
  const now = Date.now();
  if (state.range === 'P7D') return { from: startOfDay(now - 7 * DAY) + DAY, to: now, interval: 'PT1H' };
  if (state.range === 'P30D') return { from: startOfDay(now) - 29 * DAY, to: now, interval: 'P1D' };
  if (state.range === 'P365D') return { from: startOfDay(now) - 364 * DAY, to: now, interval: 'P1D' };
  const dates = state.articleDates;
  if (!dates.length) return { from: startOfDay(now) - 29 * DAY, to: now, interval: 'P1D' };
  const newest = Math.max(...dates), oldest = Math.min(...dates);
  const to = Math.min(startOfDay(newest) + 3 * DAY, startOfDay(now) + DAY);
  const from = Math.max(to - 365 * DAY, Math.min(startOfDay(oldest) - 2 * DAY, to - 30 * DAY));
  return { from, to, interval: 'P1D' };
}

async function loadTimeline(code, token = state.selection, { quiet = false } = {}) {
  const q = timelineQuery();
  const box = $('timeline');
  if (!quiet) box.replaceChildren(el('p', { class: 'muted chart-note' }, 'Loading…'));
  try {
    const t = await api(`countries/${code}/timeline`, { from: isoInstant(q.from), to: isoInstant(q.to), interval: q.interval });
    if (!stillSelected(code, token)) return;
    drawTimeline(t);
  } catch (e) {
    if (stillSelected(code, token)) box.replaceChildren(el('p', { class: 'error chart-note' }, `Could not load the timeline: ${e.message}`));
  }
}

// A new count for the selected country: its figures, articles and timeline are asked again, without spinners.
const refreshSelected = debounce(() => {
  const code = state.selected, token = state.selection;
  if (!code) return;
  loadCountry(code, token);
  loadRelated(code, token);
  loadArticles(code, { reset: true }, token).finally(() => loadTimeline(code, token, { quiet: true }));
}, 1200);

// ---------------------------------------------------------------- timeline chart (SVG)

function niceStep(max, ticks) {
  const raw = Math.max(1, max) / ticks, pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw);
  return Math.max(1, step);
}

function drawTimeline(t) {
  const box = $('timeline');
  state.lastTimeline = t;
  const points = t.points ?? [];
  const W = Math.max(320, box.clientWidth || 600), H = 230;
  const m = { top: 12, right: 12, bottom: 26, left: 36 };
  const iw = W - m.left - m.right, ih = H - m.top - m.bottom;
  const max = Math.max(0, ...points.map((p) => p.count));
  const total = points.reduce((s, p) => s + p.count, 0);
  const step = niceStep(max, 3), yMax = Math.max(step, Math.ceil(max / step) * step);
  const y = (v) => m.top + ih - (ih * v) / yMax;
  const slot = iw / Math.max(1, points.length);
  const x = (i) => m.left + i * slot;
  const hourly = t.interval === 'PT1H';

  const svg = el('svg:svg', {
    class: 'timeline-chart', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img',
    'aria-label': `${nameOf(t.country)}: ${total} mentions from ${utcDate(t.from)} to ${utcDate(t.to)}`,
    dataset: { points: points.length, total, max },
  });
  const grid = el('svg:g', { class: 'grid' });
  for (let v = 0; v <= yMax; v += step) {
    grid.append(el('svg:line', { x1: m.left, x2: W - m.right, y1: y(v), y2: y(v) }),
      el('svg:text', { x: m.left - 6, y: y(v), class: 'y-label' }, fmt(v)));
  }
  const axis = el('svg:g', { class: 'x-axis' });
  // Hourly series are labelled at midnights (UTC), daily ones every n days; labels at least ~80 px apart.
  const candidates = points.map((p, i) => i).filter((i) => !hourly || new Date(points[i].start).getUTCHours() === 0);
  const labelEvery = Math.max(1, Math.ceil((candidates.length * 80) / iw));
  candidates.forEach((i, k) => {
    if (k % labelEvery) return;
    const p = points[i];
    const label = utcDate(p.start, { year: k === 0 && !hourly ? 'numeric' : undefined });
    const cx = x(i) + slot / 2;
    // Labels at the ends are anchored inwards so they are never cut by the chart's edge.
    const anchor = cx < m.left + 40 ? 'start' : cx > W - m.right - 40 ? 'end' : 'middle';
    axis.append(el('svg:line', { x1: cx, x2: cx, y1: m.top + ih, y2: m.top + ih + 4 }),
      el('svg:text', { x: anchor === 'start' ? Math.max(2, cx - 6) : cx, y: H - 6, 'text-anchor': anchor }, label));
  });
  svg.append(grid, axis);

  const marks = el('svg:g', { class: 'marks' });
  if (points.length <= BARS_MAX) {
    const gap = slot > 6 ? Math.min(3, slot * 0.2) : 0;
    points.forEach((p, i) => {
      if (!p.count) return;
      marks.append(el('svg:rect', { class: 'bar', x: x(i) + gap / 2, y: y(p.count), width: Math.max(1, slot - gap), height: Math.max(1, y(0) - y(p.count)), rx: Math.min(2, slot / 4), dataset: { count: p.count, start: p.start } }));
    });
  } else {
    const line = points.map((p, i) => `${i ? 'L' : 'M'}${(x(i) + slot / 2).toFixed(1)} ${y(p.count).toFixed(1)}`).join('');
    marks.append(el('svg:path', { class: 'area', d: `${line}L${(x(points.length - 1) + slot / 2).toFixed(1)} ${y(0)}L${(x(0) + slot / 2).toFixed(1)} ${y(0)}Z` }),
      el('svg:path', { class: 'line', d: line }));
  }
  svg.append(marks, el('svg:line', { class: 'baseline', x1: m.left, x2: W - m.right, y1: y(0), y2: y(0) }));

  // One invisible column per point carries the hover.
  const hover = el('svg:g', { class: 'hover' });
  const cursor = el('svg:rect', { class: 'cursor', x: 0, y: m.top, width: slot, height: ih, visibility: 'hidden' });
  hover.append(cursor);
  points.forEach((p, i) => hover.append(el('svg:rect', {
    x: x(i), y: m.top, width: slot, height: ih, fill: 'transparent',
    onmousemove: (ev) => {
      cursor.setAttribute('x', x(i)); cursor.setAttribute('visibility', 'visible');
      showTooltip(ev, hourly ? utcDateTime(p.start) : utcDate(p.start, { weekday: 'short' }), `${fmt(p.count)} mention${p.count === 1 ? '' : 's'}`);
    },
    onmouseleave: () => { cursor.setAttribute('visibility', 'hidden'); hideTooltip(); },
  })));
  svg.append(hover);
  box.replaceChildren(svg);
  if (!total) box.append(el('p', { class: 'muted chart-overlay' }, 'No mentions in this range'));
  const unit = hourly ? 'Hourly' : 'Daily';
  const first = points[0]?.start ?? t.from, last = points[points.length - 1]?.start ?? t.to;
  $('timeline-caption').textContent = `${unit} mentions, ${utcDate(first)} – ${utcDate(last)} (UTC) · ${fmt(total)} in range`;
}

// ---------------------------------------------------------------- article reader

function highlighted(str, entities) {
  // Offsets are UTF-16 code units, as JavaScript strings are. Overlaps keep the earlier, longer entity.
  const sorted = [...entities].sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const out = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end > str.length || e.end <= e.start) continue;
    if (e.start > at) out.push(str.slice(at, e.start));
    const type = ENTITY_TYPES.some(([t]) => t === e.type) ? e.type : 'OTHER';
    const code = e.country ?? (e.type === 'COUNTRY' ? e.id : null);
    const what = ENTITY_TYPES.find(([t]) => t === type)?.[1] ?? e.type;
    const detail = [what, code && code.length === 2 ? `${nameOf(code)} (${code})` : e.id, e.kind?.toLowerCase()].filter(Boolean).join(' · ');
    const clickable = code && code.length === 2 && (type === 'COUNTRY' || type === 'PLACE');
    out.push(el('mark', {
      class: `ent ent-${type.toLowerCase().replace('_', '-')}${clickable ? ' clickable' : ''}`, title: detail,
      dataset: { type, ...(code ? { country: code } : {}) },
      onclick: clickable ? () => { closeArticle(); select(code); } : null,
    }, str.slice(e.start, e.end)));
    at = e.end;
  }
  out.push(str.slice(at));
  return out;
}

async function openArticle(id) {
  const drawer = $('drawer');
  for (const b of document.querySelectorAll('.article-row')) b.classList.toggle('active', b.dataset.article === id);
  $('article-title').textContent = 'Loading…';
  $('article-meta').replaceChildren();
  $('article-summary').replaceChildren();
  $('article-text').replaceChildren();
  drawer.classList.add('open');
  drawer.setAttribute('aria-hidden', 'false');
  $('drawer-backdrop').hidden = false;
  $('drawer-close').focus();
  try {
    const a = await api(`articles/${encodeURIComponent(id)}`);
    const entities = a.entities ?? [];
    $('article-title').replaceChildren(...highlighted(a.title ?? '', entities.filter((e) => e.section === 'TITLE')));
    const meta = [a.author, a.source, a.eventTime && utcDateTime(a.eventTime), a.language?.toUpperCase()].filter(Boolean);
    $('article-meta').replaceChildren(el('span', {}, meta.join(' · ')),
      ...(a.url && /^https?:/i.test(a.url) ? [el('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, 'Original ↗')] : []),
      el('span', { class: 'muted' }, `id ${a.id}`));
    const counts = Object.entries(a.countries ?? {}).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    const byType = Object.fromEntries(ENTITY_TYPES.map(([t]) => [t, entities.filter((e) => e.type === t).length]));
    $('article-summary').replaceChildren(
      ...counts.map(([code, n]) => el('button', { type: 'button', class: 'chip country-chip', dataset: { country: code }, onclick: () => { closeArticle(); select(code); } },
        el('span', { class: 'code-pill' }, code), nameOf(code), el('span', { class: 'chip-count' }, fmt(n)))));
    $('entity-legend').replaceChildren(...ENTITY_TYPES.map(([t, label]) =>
      el('span', { class: `legend-item ent-${t.toLowerCase().replace('_', '-')}` }, el('span', { class: 'swatch' }), `${label} `, el('span', { class: 'muted' }, byType[t]))));
    $('article-text').replaceChildren(...highlighted(a.text ?? '', entities.filter((e) => e.section !== 'TITLE')));
    $('reader').scrollTop = 0;
  } catch (e) {
    $('article-title').textContent = 'The article could not be loaded';
    $('article-text').replaceChildren(el('p', { class: 'error' }, e.message));
  }
}

function closeArticle() {
  const drawer = $('drawer');
  if (!drawer.classList.contains('open')) return;
  drawer.classList.remove('open');
  drawer.setAttribute('aria-hidden', 'true');
  $('drawer-backdrop').hidden = true;
  document.querySelector('.article-row.active')?.focus();
}

// ---------------------------------------------------------------- live updates

// EventSource cannot send an Authorization header, so the stream is read with fetch and parsed here
// (the text/event-stream format: "field: value" lines, a blank line ends an event).
let streamControl = null;

async function connectStream() {
  streamControl?.abort();
  const control = new AbortController();
  streamControl = control;
  let dropped = false;
  for (let attempt = 0; !control.signal.aborted; attempt++) {
    try {
      const res = await fetch('api/v1/stream', {
        headers: { accept: 'text/event-stream', ...authHeaders() }, cache: 'no-store', signal: control.signal,
      });
      if (res.status === 401) { setLive('off', 'Offline'); askForToken(); return; }
      if (!res.ok || !res.body) throw new Error(`${res.status}`);
      attempt = 0;
      setLive('live', 'Live');
      if (dropped) { dropped = false; loadRanking({ quiet: true }); }   // catch up on what was missed
      await readEvents(res.body, (type, data) => { if (type === 'count') onLiveCount(data); });
    } catch {
      if (control.signal.aborted) return;
    }
    dropped = true;
    setLive('connecting', 'Reconnecting…');
    await new Promise((ok) => setTimeout(ok, STREAM_RETRY_MS[Math.min(attempt, STREAM_RETRY_MS.length - 1)]));
  }
}

/** Calls onEvent(type, data) for each event of a text/event-stream body until it ends. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '', type = 'message', data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end).replace(/\r$/, '');
      buffer = buffer.slice(end + 1);
      if (line === '') {
        if (data.length) onEvent(type, data.join('\n'));
        type = 'message';
        data = [];
      } else if (!line.startsWith(':')) {   // a line starting with ':' is a comment
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') type = val;
        else if (field === 'data') data.push(val);
      }
    }
  }
}

function setLive(stateName, text) {
  const live = $('live');
  live.dataset.state = stateName;
  live.querySelector('.live-label').textContent = text;
}

function onLiveCount(raw) {
  let data;
  try { data = JSON.parse(raw); } catch { return; }
  if (!data?.country) return;
  applyLiveCount(data);
  setLive('live', `Live · ${new Date().toLocaleTimeString()}`);
  const live = $('live');
  live.classList.remove('pulse');
  void live.offsetWidth;   // restart the pulse animation
  live.classList.add('pulse');
}

// ---------------------------------------------------------------- wiring

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const w = p.get('window');
  if (w && /^(all|P[0-9TDHMWY.]+)$/i.test(w)) state.window = w;
  return p.get('country')?.match(/^[A-Za-z]{2}$/) ? p.get('country').toUpperCase() : null;
}
function writeHash() {
  const p = new URLSearchParams();
  if (state.window !== 'all') p.set('window', state.window);
  if (state.selected) p.set('country', state.selected);
  const hash = p.toString();
  history.replaceState(null, '', `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`);
}

function init() {
  const initial = readHash();
  if (!$('window-picker').querySelector(`[data-window="${state.window}"]`)) {
    $('window-picker').append(el('button', { type: 'button', role: 'radio', dataset: { window: state.window } }, state.window));
  }
  setRadio($('window-picker'), 'window', state.window);
  $('window-picker').addEventListener('click', (ev) => {
    const w = ev.target.closest('button')?.dataset.window;
    if (!w || w === state.window) return;
    state.window = w;
    setRadio($('window-picker'), 'window', w);
    writeHash();
    loadRanking();
    if (state.selected) loadRelated(state.selected);
  });
  $('view-picker').addEventListener('click', (ev) => {
    const v = ev.target.closest('button')?.dataset.view;
    if (v) setView(v);
  });
  $('range-picker').addEventListener('click', (ev) => {
    const r = ev.target.closest('button')?.dataset.range;
    if (!r || !state.selected) return;
    state.range = r;
    setRadio($('range-picker'), 'range', r);
    loadTimeline(state.selected);
  });
  $('more-articles').addEventListener('click', () => state.selected && loadArticles(state.selected));
  $('token-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = $('token-input').value.trim();
    if (!value) return;
    $('token-input').value = '';
    $('token-dialog').close();
    useToken(value);
  });
  $('token-dialog').addEventListener('cancel', (ev) => ev.preventDefault());   // nothing works without it
  $('drawer-close').addEventListener('click', closeArticle);
  $('drawer-backdrop').addEventListener('click', closeArticle);
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') closeArticle(); });
  window.addEventListener('resize', debounce(() => { if (state.lastTimeline && state.selected) drawTimeline(state.lastTimeline); }, 150));
  setInterval(() => { if (state.window !== 'all') loadRanking({ quiet: true }); }, WINDOW_REFRESH_MS);
  darkScheme.addEventListener('change', () => { MAP_RAMP = darkScheme.matches ? RAMPS.dark : RAMPS.light; renderRanking(); paintMap(); });

  loadMap();
  loadRanking();
  connectStream();
  if (initial) select(initial, { pushHash: false });
}

init();
