// Polls the server's leaderboard in headless Chromium (Debian's, driven by
// playwright-core from the web tests' node_modules) until USER is on the
// all-time board with exactly TOTAL tokens, then saves a screenshot.
// Prints one JSON line: {"found", "title", "text", "expectedText", "elapsedMs", "loads"}.
// Exit 0 only when found with the exact total and the server's compact format.
//
// node board_check.mjs BASE_URL USER TOTAL SCREENSHOT TIMEOUT_MS
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const [base, user, total, shot, timeoutArg] = process.argv.slice(2);
const depsDir = process.env.WEB_DEPS_DIR;
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!base || !user || !total || !shot || !depsDir) {
  console.error('usage: WEB_DEPS_DIR=... node board_check.mjs BASE USER TOTAL SHOT [TIMEOUT_MS]');
  process.exit(2);
}
const timeoutMs = Number(timeoutArg || 60000);
let chromium;
try {
  ({ chromium } = createRequire(path.join(depsDir, 'package.json'))('playwright-core'));
} catch (e) {
  console.error(`playwright-core missing in ${depsDir}: run ctest -R web_node_modules (${e.message})`);
  process.exit(2);
}

// The server's compact number format (server/webpages.cpp WebPages::compact),
// written again here so that the page is checked against an independent oracle.
function compact(value) {
  if (Math.abs(value) < 1000) return String(Math.round(value));
  const suffixes = ['K', 'M', 'B', 'T', 'P'];
  let i = -1;
  let v = value;
  while (Math.abs(v) >= 1000 && i < 4) { v /= 1000; ++i; }
  return v.toFixed(Math.abs(v) < 100 ? 1 : 0) + suffixes[i];
}

const expectedText = compact(Number(total));
const started = Date.now();
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let result = { found: false, title: null, text: null, expectedText, elapsedMs: 0, loads: 0 };
try {
  const page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
  // The board as a visitor reaches it: the front page, then its "All time" tab.
  await page.goto(`${base}/`);
  ++result.loads;
  await Promise.all([page.waitForURL(/period=all/), page.click('.tabs a[data-period="all"]')]);
  ++result.loads;
  for (;;) {
    const row = await page.$$eval('table.board tbody tr', (rows, name) => {
      for (const r of rows) {
        const a = r.querySelector('td.user a');
        if (a && a.textContent === name) {
          const v = r.querySelector('td.num.value');
          return { title: v.getAttribute('title'), text: v.textContent };
        }
      }
      return null;
    }, user);
    if (row) {
      result = { ...result, found: true, ...row };
      break;
    }
    if (Date.now() - started > timeoutMs) break;
    await sleep(1000);
    await page.reload();
    ++result.loads;
  }
  result.elapsedMs = Date.now() - started;
  await page.screenshot({ path: shot, fullPage: true });
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.found && result.title === String(total) && result.text === expectedText ? 0 : 1);
