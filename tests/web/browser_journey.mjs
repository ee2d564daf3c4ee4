// Drives Debian's Chromium (playwright-core, headless, offline) through the learner journey for
// tests/web/test_browser.py; reads a JSON scenario on argv[2], prints one JSON result on stdout.
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(path.resolve("tests/js/package.json"));
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const scenario = JSON.parse(process.argv[2]);
const base = scenario.baseUrl;
const shots = scenario.artifacts;
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

async function audit(page) {
  // Evaluated through the DevTools protocol: the page's CSP stays in force for its own scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const run = await window.axe.run(document, { resultTypes: ["violations"] });
    const fields = [...document.querySelectorAll("input:not([type=hidden]), textarea, select")];
    const unlabelled = fields.filter((f) => !(f.labels && f.labels.length) && !f.getAttribute("aria-label"))
      .map((f) => f.name || f.id);
    return {
      violations: run.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
      unlabelled,
    };
  });
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  result.focus = await page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow };
  });
  return result;
}

async function screenshots(context, url, name, out) {
  for (const [label, viewport] of Object.entries(VIEWPORTS)) {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(url);
    const file = path.join(shots, `${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    out.screenshots.push(file);
    await page.close();
  }
}

const profile = mkdtempSync(path.join(tmpdir(), "mcb-chromium-"));
// A fresh profile directory per run (Playwright passes it as --user-data-dir).
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  viewport: VIEWPORTS.desktop,
  acceptDownloads: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const out = { screenshots: [], audits: {}, external: [] };
try {
  // No network beyond the live server: LinkedIn navigations are captured and answered locally.
  await context.route(/^https:\/\/www\.linkedin\.com\//, (route) => {
    out.linkedin = route.request().url();
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>captured</title>" });
  });
  await context.route(/^(?!http:\/\/(localhost|127\.0\.0\.1)[:/])(?!https:\/\/www\.linkedin\.com\/).*/,
    (route) => { out.external.push(route.request().url()); route.abort(); });
  const page = await context.newPage();

  await page.goto(base + scenario.signInPath);
  await page.click("#continue");
  await page.waitForURL(base + "/wallet");
  out.walletHeading = await page.textContent("h1");
  out.audits.wallet = await audit(page);
  await page.reload();

  await page.click("details.more summary");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`a[data-kind="badge.png"]`),
  ]);
  out.downloadName = download.suggestedFilename();
  out.downloadPath = path.join(shots, "downloaded-badge.png");
  await download.saveAs(out.downloadPath);

  await page.click(`a[data-action="linkedin-add"]`);
  await page.waitForURL(/linkedin\.com/);

  await page.goto(base + scenario.revokedPath);
  out.revokedBanner = await page.textContent("[role=alert]");
  await page.goto(base + scenario.publicPath);
  out.audits.public = await audit(page);
  await page.goto(base + "/verify");
  out.audits.verify = await audit(page);
  await page.setInputFiles("#id_upload", out.downloadPath);
  await page.click("button[type=submit]");
  out.verifySentence = await page.textContent(".verdict .sentence");
  await page.close();

  await screenshots(context, base + scenario.publicPath, "public-page", out);
  await screenshots(context, base + scenario.revokedPath, "revoked-page", out);
  await screenshots(context, base + "/wallet", "wallet", out);
  await screenshots(context, base + "/verify", "verify", out);
  await screenshots(context, base + scenario.publicPath + "?lang=fr", "public-page-fr", out);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(out));
