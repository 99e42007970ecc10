// Loads the server's pages in headless Chromium (Debian's, driven by
// playwright-core), checks behaviour, console errors, escaping and axe-core
// accessibility, and saves screenshots. Exits non-zero on any failure,
// including a missing Chromium or node_modules.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// The npm packages are installed in the build tree (tests/web/CMakeLists.txt).
const depsDir = process.env.WEB_DEPS_DIR || path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(depsDir, 'package.json'));
const serverBin = process.env.SERVER_BIN;
const seedBin = process.env.SEED_BIN;
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
// DATABASE=postgres: the same checks on PostgreSQL, in a throwaway cluster
// (tokentally-test-pgcluster, torn down when its stdin closes).
const backend = process.env.DATABASE === 'postgres' ? 'postgres' : 'sqlite';
const clusterBin = process.env.PGCLUSTER_BIN;
const shots = path.join(process.env.SCREENSHOT_DIR || path.join(process.cwd(), 'screenshots'),
  process.env.DATABASE === 'postgres' ? 'postgres' : '.');

const failures = [];
function check(condition, message) {
  if (condition) {
    console.log(`ok   ${message}`);
  } else {
    console.log(`FAIL ${message}`);
    failures.push(message);
  }
}
function fatal(message) {
  console.error(`FAIL ${message}`);
  process.exit(1);
}

if (!serverBin || !existsSync(serverBin)) fatal(`SERVER_BIN not found: ${serverBin}`);
if (!seedBin || !existsSync(seedBin)) fatal(`SEED_BIN not found: ${seedBin}`);
if (!existsSync(chromiumPath)) fatal(`Chromium not found at ${chromiumPath} (apt-get install chromium)`);
let chromium;
let axeSource;
let makeBadge;
try {
  ({ chromium } = require('playwright-core'));
  axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  ({ makeBadge } = require('badge-maker'));
} catch (e) {
  fatal(`node_modules missing in ${depsDir}: run ctest -R web_node_modules (${e.message})`);
}

const XSS = '<script>window.__xss=1</script>';
const dir = mkdtempSync(path.join(tmpdir(), 'tokentally-web-'));
let databaseArgs = ['--db', path.join(dir, 'server.db')];
let cluster = null;
if (backend === 'postgres') {
  if (!clusterBin || !existsSync(clusterBin)) fatal(`PGCLUSTER_BIN not found: ${clusterBin}`);
  cluster = spawn(clusterBin, ['1'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const uri = await new Promise((resolve) => {
    let out = '';
    cluster.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    cluster.once('exit', () => resolve(''));
  });
  if (!uri) fatal('could not start a PostgreSQL cluster');
  databaseArgs = ['--database', uri];
}
console.log(`backend: ${backend}`);
const seed = spawnSync(seedBin, [...databaseArgs, '--days', '120',
  '--user', 'alpha-top:3000000', '--user', 'beta-mid:2000000',
  '--user', 'gamma-low:1000000', '--user', `${XSS}:500000`], { encoding: 'utf8' });
if (seed.status !== 0) fatal(`seeding failed: ${seed.stderr}`);

const portFile = path.join(dir, 'port');
const server = spawn(serverBin, ['--listen', '127.0.0.1:0', ...databaseArgs, '--port-file', portFile, '--quiet'],
  { stdio: ['ignore', 'ignore', 'inherit'] });
let port = 0;
for (let i = 0; i < 300 && !port; ++i) {
  if (existsSync(portFile)) port = parseInt(readFileSync(portFile, 'utf8'), 10) || 0;
  if (!port) await sleep(20);
}
if (!port) { server.kill('SIGKILL'); if (cluster) cluster.stdin.end(); fatal('server did not start'); }
const base = `http://127.0.0.1:${port}`;
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function openPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  return page;
}

async function axeCheck(page, name) {
  // Evaluated over DevTools, so the page's CSP (no inline script) stays in force.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) console.log(`     axe ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  check(bad.length === 0, `${name}: axe-core finds no serious or critical violations (${bad.length})`);
}

try {
  // Leaderboard.
  const page = await openPage();
  const response = await page.goto(`${base}/?period=month`);
  check(response.status() === 200, '/ answers 200');
  check((response.headers()['content-security-policy'] || '').includes("script-src 'self'"), '/ has a CSP without inline script');
  const names = await page.$$eval('table.board tbody td.user a', (as) => as.map((a) => a.textContent));
  check(names[0] === 'alpha-top' && names[1] === 'beta-mid' && names[2] === 'gamma-low',
    `seeded users in order by tokens (${names.slice(0, 4).join(', ')})`);
  check(names.includes(XSS), 'the <script> user name is shown as text');
  check(await page.evaluate(() => window.__xss === undefined), 'the injected script did not run');
  await page.screenshot({ path: path.join(shots, 'leaderboard.png'), fullPage: true });
  await axeCheck(page, '/');

  // Period tabs: plain links that work without JavaScript.
  await Promise.all([page.waitForURL(/period=week/), page.click('.tabs a[data-period="week"]')]);
  check(await page.getAttribute('.tabs a[data-period="week"]', 'aria-current') === 'page', 'week tab is current after a click');
  const weekNames = await page.$$eval('table.board tbody td.user a', (as) => as.map((a) => a.textContent));
  check(weekNames[0] === 'alpha-top', `week board leads with alpha-top (${weekNames[0]})`);
  await Promise.all([page.waitForURL(/period=all/), page.click('.tabs a[data-period="all"]')]);
  check(await page.getAttribute('.tabs a[data-period="all"]', 'aria-current') === 'page', 'all-time tab is current after a click');

  // Metric sort: the select submits on change (JavaScript enhancement).
  await Promise.all([page.waitForURL(/metric=cacheEfficiency/), page.selectOption('select[name="metric"]', 'cacheEfficiency')]);
  check(/metric=cacheEfficiency/.test(page.url()), 'changing the metric reloads the board sorted by it');
  // Search.
  await page.fill('input[name="q"]', 'beta');
  await Promise.all([page.waitForURL(/q=beta/), page.press('input[name="q"]', 'Enter')]);
  const searched = await page.$$eval('table.board tbody td.user a', (as) => as.map((a) => a.textContent));
  check(searched.length === 1 && searched[0] === 'beta-mid', `search finds beta-mid only (${searched.join(', ')})`);
  check(page.errors.length === 0, `no console errors on / (${page.errors.join(' | ')})`);

  // Dark mode and a 360 px phone.
  const dark = await openPage({ colorScheme: 'dark' });
  await dark.goto(`${base}/`);
  await dark.screenshot({ path: path.join(shots, 'leaderboard-dark.png'), fullPage: true });
  await axeCheck(dark, '/ (dark)');
  const phone = await openPage({ viewport: { width: 360, height: 740 } });
  await phone.goto(`${base}/`);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `/ fits 360 px without horizontal scrolling (${overflow} px over)`);
  await phone.screenshot({ path: path.join(shots, 'leaderboard-360.png'), fullPage: true });

  // Profile.
  const profile = await openPage();
  check((await profile.goto(`${base}/u/alpha-top`)).status() === 200, '/u/alpha-top answers 200');
  check(await profile.textContent('h1') === 'alpha-top', 'profile heading names the user');
  const cells = await profile.$$eval('svg.heatmap rect', (rs) => rs.length);
  const titled = await profile.$$eval('svg.heatmap rect > title', (ts) => ts.map((t) => t.textContent));
  check(cells >= 365 && titled.length === cells, `heatmap has a titled cell per day (${cells})`);
  check(titled.some((t) => /tokens · \$/.test(t)), 'heatmap titles show tokens and cost');
  const levels = await profile.$$eval('svg.heatmap rect', (rs) => new Set(rs.map((r) => r.getAttribute('class'))).size);
  check(levels >= 3, `heatmap uses several levels (${levels})`);
  check(await profile.$$eval('.mix li', (ls) => ls.length) >= 2, 'model mix lists models');
  check(await profile.$('svg.costchart') !== null, 'cost over time chart is drawn');
  await profile.screenshot({ path: path.join(shots, 'profile.png'), fullPage: true });
  await axeCheck(profile, '/u/alpha-top');
  check(profile.errors.length === 0, `no console errors on /u/alpha-top (${profile.errors.join(' | ')})`);
  const darkProfile = await openPage({ colorScheme: 'dark' });
  await darkProfile.goto(`${base}/u/alpha-top`);
  await darkProfile.screenshot({ path: path.join(shots, 'profile-dark.png'), fullPage: true });

  // The XSS user's own profile.
  const xss = await openPage();
  check((await xss.goto(`${base}/u/${encodeURIComponent(XSS)}`)).status() === 200, 'XSS user profile answers 200');
  check(await xss.textContent('h1') === XSS, 'XSS user name is the literal heading text');
  check(await xss.evaluate(() => window.__xss === undefined), 'XSS profile ran no injected script');
  check(xss.errors.length === 0, `no console errors on the XSS profile (${xss.errors.join(' | ')})`);

  // How it works.
  const how = await openPage();
  check((await how.goto(`${base}/how-it-works`)).status() === 200, '/how-it-works answers 200');
  const text = await how.textContent('main');
  check(text.includes('What is never sent') && text.includes('prompts'), 'how-it-works says what is never sent');
  await how.screenshot({ path: path.join(shots, 'how-it-works.png'), fullPage: true });
  await axeCheck(how, '/how-it-works');
  check(how.errors.length === 0, `no console errors on /how-it-works (${how.errors.join(' | ')})`);

  // Badges are as wide as shields.io's own (badge-maker) for the same text.
  const badgePaths = ['/badge/alpha-top.svg', '/badge/cost/alpha-top.svg', '/badge/rank/alpha-top.svg',
    '/badge/active-days/alpha-top.svg', '/badge/streak/alpha-top.svg', '/badge/cache-efficiency/alpha-top.svg',
    '/badge/stats.svg', '/badge/nobody-at-all.svg', '/badge/alpha-top.svg?label=Wide%20WWW%20label%20%E2%80%94%20%C3%A9t%C3%A9',
    '/badge/alpha-top.svg?label=iiii%7C%7C%7C', '/badge/cost/alpha-top.svg?style=flat-square&label=%24%25%26%40%23'];
  for (const p of badgePaths) {
    const svg = await (await fetch(`${base}${p}`)).text();
    const label = svg.match(/aria-label="([^"]*)"/)[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    const colon = label.indexOf(': ');
    const text = { label: label.slice(0, colon), message: label.slice(colon + 2) };
    const style = p.includes('flat-square') ? 'flat-square' : 'flat';
    const oracle = makeBadge({ ...text, color: '#4c1', style });
    const ours = parseInt(svg.match(/<svg[^>]* width="(\d+)"/)[1], 10);
    const theirs = parseInt(oracle.match(/<svg[^>]* width="(\d+)"/)[1], 10);
    check(ours === theirs, `${p}: "${text.label}" / "${text.message}" is ${ours} px wide, shields.io ${theirs} px`);
  }

  // Costs carry thousands separators.
  const costPage = await openPage();
  await costPage.goto(`${base}/?period=all&metric=cost`);
  const costs = await costPage.$$eval('table.board tbody td.value', (tds) => tds.map((t) => t.textContent));
  check(costs.length > 0 && costs.every((c) => /^\$\d{1,3}(,\d{3})*\.\d\d$|^\$[\d.]+[KMB]$|^<\$0\.01$/.test(c)),
    `costs on the board are grouped (${costs.slice(0, 3).join(', ')})`);

  // Not found page for private or unknown users.
  const missing = await openPage();
  check((await missing.goto(`${base}/u/nobody`)).status() === 404, '/u/nobody answers 404');
  await axeCheck(missing, '/u/nobody');
} catch (e) {
  failures.push(String(e && e.stack || e));
  console.log(`FAIL ${e && e.stack || e}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  if (cluster) {
    cluster.stdin.end();
    await new Promise((resolve) => cluster.once('exit', resolve));
  }
  rmSync(dir, { recursive: true, force: true });
}
console.log(`screenshots in ${shots}`);
if (failures.length) {
  console.log(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log('all page checks passed');
