// Fails fast, in one line, when no browser is available for the Playwright suite.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const system = "/usr/bin/chromium";
const bundled = chromium.executablePath();
if (!(existsSync(system) && !process.env.PW_BUNDLED_BROWSER) && !existsSync(bundled)) {
  console.error("No Chromium found: install one with `apt-get install chromium` (Debian) or `npx playwright install chromium`.");
  process.exit(1);
}
