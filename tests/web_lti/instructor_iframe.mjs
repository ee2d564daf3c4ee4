// Browser test driver: an LMS page on one origin frames the tool's instructor form (another origin);
// Chromium fills the form inside the iframe, publishes, waits for the result and keeps a screenshot.
// Usage: node instructor_iframe.mjs '{"lmsUrl": ..., "fields": {...}, "screenshot": ..., "chromium": ...}'
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "js", "package.json"));
const { chromium } = require("playwright-core");

const options = JSON.parse(process.argv[2]);
const profile = mkdtempSync(path.join(tmpdir(), "mcb-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: options.chromium,
  headless: true,
  viewport: { width: 1100, height: 1500 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(options.lmsUrl, { waitUntil: "load" });
  const frame = page.frameLocator("iframe#lti-tool");
  await frame.locator("#mc-form").waitFor({ timeout: 15000 });
  for (const [name, value] of Object.entries(options.fields)) {
    const field = frame.locator(`[name="${name}"]`).first();
    const tag = await field.evaluate((element) => element.tagName.toLowerCase());
    if (tag === "select") {
      await field.selectOption(value);
    } else {
      await field.fill(String(value));
    }
  }
  await frame.locator('#mc-form button[name="action"][value="publish"]').first().click();
  const message = frame.locator("p.message");
  await message.waitFor({ timeout: 15000 });
  const frameUrl = page.frames().find((f) => f !== page.mainFrame())?.url() ?? "";
  await page.screenshot({ path: options.screenshot, fullPage: true });
  console.log(JSON.stringify({ message: (await message.textContent()).trim(), topUrl: page.url(), frameUrl,
                               errors }));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
