// Headless-browser test of the dashboard, in Debian's chromium driven by playwright-core.
//
//   DASHBOARD_URL=http://localhost:8080/ node dashboard.test.mjs
//   SCREENSHOT=../docs/dashboard.png      also save the README screenshot (1280 wide, whole page;
//                                         SCREENSHOT_FULL_PAGE=0 for the 1280x800 viewport only)
//   CHROMIUM=/usr/bin/chromium            the browser (default); no browser is downloaded
//
//   DASHBOARD_TOKEN=...                   the app's API token, when it was started with one: the test
//                                         then also checks that the dashboard asks for it
//
// It expects an app that has counted the seed articles (run-test.sh starts one).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = new URL(process.env.DASHBOARD_URL ?? 'http://localhost:8080/');
const SCREENSHOT = process.env.SCREENSHOT;
const FAILURE_SHOT = process.env.FAILURE_SCREENSHOT ?? 'failure.png';
const SEEDED = ['IL', 'AZ', 'IR'];
const TOKEN = process.env.DASHBOARD_TOKEN;

const steps = [];
async function step(name, fn) {
  const t0 = Date.now();
  await fn();
  steps.push(name);
  console.log(`ok ${steps.length} - ${name} (${Date.now() - t0} ms)`);
}

const profile = mkdtempSync(join(tmpdir(), 'newsstream-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 800 },
  locale: 'en-GB',
  timezoneId: 'UTC',
});
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(15_000);

// Everything the page needs must come from the app itself: anything else is blocked and fails the test.
const foreign = [];
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.origin === BASE.origin || url.protocol === 'data:') return route.continue();
  foreign.push(url.href);
  return route.abort('blockedbyclient');
});
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
// The browser logs each refused request (401) while the page waits for its token: expected, not an error.
page.on('console', (m) => { if (m.type() === 'error' && !/EventSource|stream|status of 401/i.test(m.text())) pageErrors.push(m.text()); });

const row = (code) => page.locator(`#rank-table tbody tr[data-country="${code}"]`);

try {
  await step(`page loads from ${BASE.href}`, async () => {
    const res = await page.goto(BASE.href, { waitUntil: 'domcontentloaded' });
    assert.equal(res?.status(), 200, `GET ${BASE.href} answered ${res?.status()}`);
    // Any inline script or style the policy refuses shows up as a page error in the last check.
    assert.match(res.headers()['content-security-policy'] ?? '', /default-src 'self'/, 'the page is served with a Content-Security-Policy');
    assert.match(await page.title(), /newsstream/);
  });

  if (TOKEN) {
    await step('the API refuses requests without the token, and the dashboard asks for it, refuses a wrong one and uses the right one', async () => {
      const bare = await fetch(new URL('api/v1/countries/top', BASE), { headers: { accept: 'application/json' } });
      assert.equal(bare.status, 401, 'the API answers a request without a token with 401');
      assert.ok(typeof (await bare.json()).message === 'string', 'the 401 carries a JSON message');
      const dialog = page.locator('#token-dialog[open]');
      await dialog.waitFor();
      assert.match(await page.locator('#token-message').innerText(), /requires a bearer token/);
      await page.locator('#token-input').fill('not-the-token-0123456789');
      await page.locator('#token-form button[type="submit"]').click();
      await page.locator('#token-message', { hasText: 'refused' }).waitFor();
      await dialog.waitFor();
      await page.locator('#token-input').fill(TOKEN);
      await page.locator('#token-form button[type="submit"]').click();
      await page.locator('#token-dialog:not([open])').waitFor({ state: 'attached' });
      await page.locator('#rank-table tbody tr').first().waitFor();
    });
  }

  await step(`the table shows ${SEEDED.join(', ')} with their counts`, async () => {
    // The seeds may still be being counted: the page fills in live, and is reloaded now and then as well.
    const deadline = Date.now() + Number(process.env.SEED_TIMEOUT_MS ?? 90_000);
    for (;;) {
      try {
        for (const code of SEEDED) await row(code).waitFor({ state: 'visible', timeout: 5_000 });
        break;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await page.reload({ waitUntil: 'domcontentloaded' });
      }
    }
    for (const code of SEEDED) {
      const count = Number((await row(code).locator('.count').innerText()).replace(/\D/g, ''));
      assert.ok(count > 0, `${code} shows count ${count}`);
      const width = await row(code).locator('.bar').evaluate((b) => b.getBoundingClientRect().width);
      assert.ok(width > 0, `${code}'s bar is drawn`);
    }
  });

  await step('the world map is drawn and shaded by mentions', async () => {
    await page.locator('#map path.country').first().waitFor();
    assert.ok(await page.locator('#map path.country').count() > 150, 'country shapes are drawn');
    for (const code of SEEDED) {
      const shaded = page.locator(`#map path.country.has-count[data-country="${code}"]`);
      await shaded.waitFor({ state: 'attached' });
      // The fill the page set, not the computed one, which is mid-transition for half a second.
      const fill = await shaded.evaluate((p) => p.style.fill);
      const empty = await page.locator('#map path.country:not(.has-count)').first().evaluate((p) => p.style.fill);
      assert.notEqual(fill, empty, `${code} is shaded`);
    }
  });

  await step('the live stream is connected', async () => {
    await page.locator('#live[data-state="live"]').waitFor({ timeout: 20_000 });
  });

  await step('an article posted to the API reaches the table through the live stream', async () => {
    const countOf = (code) => row(code).locator('.count').innerText().then((t) => Number(t.replace(/\D/g, '')));
    const before = await countOf('AZ');
    const stamp = new Date().toISOString();
    const res = await fetch(new URL('api/v1/articles', BASE), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(TOKEN ? { authorization: `Bearer ${TOKEN}` } : {}) },
      // Unique text: the pipeline counts the same text under another id only once.
      // Dated among the seeds (2023), so that the timeline of the next steps keeps its daily bars.
      body: JSON.stringify({ title: `Azerbaijan in the dashboard test ${stamp}`, publishedAt: '2023-06-01T12:00:00Z',
        text: `Azerbaijan's foreign minister spoke in Baku on ${stamp} about the dashboard test.` }),
    });
    assert.equal(res.status, 202, `POST api/v1/articles answered ${res.status}`);
    // With the window at all time, only a live event changes the table: no reload is made.
    await page.waitForFunction((b) => Number(document.querySelector('#rank-table tbody tr[data-country="AZ"] .count')
      .textContent.replace(/\D/g, '')) > b, before, { timeout: 60_000 });
    assert.match(await page.locator('#live .live-label').innerText(), /^Live · /, 'the live label shows the last event');
  });

  await step('clicking a country in the table shows its timeline, related countries, places and articles', async () => {
    await row('AZ').click();
    await page.locator('#detail-title', { hasText: 'Azerbaijan' }).waitFor();
    await page.locator('#stat-total').filter({ hasText: /[1-9]/ }).waitFor();
    const chart = page.locator('#timeline svg.timeline-chart');
    await chart.waitFor();
    assert.ok(Number(await chart.getAttribute('data-points')) > 0, 'timeline has points');
    assert.ok(Number(await chart.getAttribute('data-total')) > 0, 'timeline has mentions in its range');
    const bars = chart.locator('rect.bar');
    assert.ok(await bars.count() > 0, 'timeline bars are drawn');
    assert.ok(Number(await bars.first().getAttribute('height')) > 0, 'bars have height');
    await page.locator('#related .related-row').first().waitFor();
    const related = await page.locator('#related .related-row').evaluateAll((rows) => rows.map((r) => r.dataset.country));
    assert.ok(related.includes('IL'), `Israel is among Azerbaijan's related countries: ${related}`);
    await page.locator('#articles .article-row').first().waitFor();
    assert.equal(await row('AZ').getAttribute('aria-selected'), 'true');
  });

  await step('clicking an article shows its text with entities highlighted by type', async () => {
    await page.locator('#articles .article-row').first().click();
    await page.locator('#drawer.open #article-text mark.ent').first().waitFor();
    const types = await page.locator('#drawer mark.ent').evaluateAll((ms) => [...new Set(ms.map((m) => m.dataset.type))]);
    assert.ok(types.includes('COUNTRY'), `countries are highlighted (types: ${types})`);
    const colours = await page.locator('#drawer mark.ent').evaluateAll((ms) => new Set(ms.map((m) => getComputedStyle(m).boxShadow)).size);
    assert.ok(types.length === 1 || colours > 1, 'entity types have distinct colours');
    assert.ok(await page.locator('#entity-legend .legend-item').count() >= 4, 'the legend names the entity types');
    await page.keyboard.press('Escape');
    await page.locator('#drawer:not(.open)').waitFor({ state: 'attached' });
  });

  await step('clicking a country on the map selects it', async () => {
    await page.locator('#map path.country[data-country="IR"]').click();
    await page.locator('#detail-title', { hasText: 'Iran' }).waitFor();
    await page.locator('#timeline svg.timeline-chart rect.bar').first().waitFor();
    assert.equal(await row('IR').getAttribute('aria-selected'), 'true');
  });

  await step('no request left the app and the page raised no errors', async () => {
    assert.deepEqual(foreign, [], 'requests to other origins');
    assert.deepEqual(pageErrors, [], 'page errors');
  });

  if (SCREENSHOT) {
    await step(`screenshot saved to ${SCREENSHOT}`, async () => {
      await row('AZ').click();
      await page.locator('#detail-title', { hasText: 'Azerbaijan' }).waitFor();
      await page.locator('#timeline svg.timeline-chart').waitFor();
      await page.locator('#articles .article-row').first().waitFor();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(800);   // let the bar and map transitions settle
      await page.screenshot({ path: SCREENSHOT, fullPage: process.env.SCREENSHOT_FULL_PAGE !== '0' });
    });
  }
  console.log(`# all ${steps.length} checks passed`);
} catch (e) {
  console.error(`not ok ${steps.length + 1} - ${e.message}`);
  if (foreign.length) console.error(`# blocked requests to other origins: ${foreign.join(', ')}`);
  if (pageErrors.length) console.error(`# page errors: ${pageErrors.join(' | ')}`);
  await page.screenshot({ path: FAILURE_SHOT, fullPage: true }).then(() => console.error(`# screenshot of the failure: ${FAILURE_SHOT}`), () => {});
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
