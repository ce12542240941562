import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's `chromium` package; elsewhere Playwright's own browser (npx playwright install chromium).
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const useSystem = existsSync(SYSTEM_CHROMIUM) && !process.env.PW_BUNDLED_BROWSER;
// E2E_PORT lets several checkouts run their suites side by side (each must serve its own build).
const PORT = Number(process.env.E2E_PORT ?? 4321);

export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  retries: 0,
  // Demo pages run simulations in workers; a 2-core CI machine needs headroom (speed is benchmarked, not asserted).
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: { baseURL: `http://127.0.0.1:${PORT}` },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: useSystem
          ? {
              executablePath: SYSTEM_CHROMIUM,
              args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            }
          : {},
      },
    },
  ],
  webServer: {
    command: `npm run build && npx astro preview --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    // A full build (build-time figures for every demo) takes minutes on a loaded 2-core machine.
    timeout: 900_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
