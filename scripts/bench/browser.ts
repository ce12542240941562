/**
 * Browser performance of the demos (issue 4): for every demo of every chapter page of the built site,
 * in Chromium,
 *   - time from the demo entering the viewport to its first live chart at default parameters
 *     (goal ≤ 300 ms), and when the island hydrated;
 *   - the longest main-thread task (PerformanceObserver "longtask", ≥ 50 ms) during that default run
 *     (goal < 100 ms);
 *   - the same for a large run: replicates × 10 (at most 5000), typed into the demo's controls;
 *     chapter 3's loop also gets the stress run K = 100, n = 1000, 200 generations, 5000 replicates.
 * Prints a table. Not part of `npm test`: wall-clock figures depend on the machine and its load.
 *
 *   npm run build && npm run bench:browser [-- --port 4399 --pages entropy-decay,grounding --demos loop]
 *
 * Serves dist/ with `astro preview` on the port (or uses BENCH_URL if set) and drives /usr/bin/chromium
 * (PW_CHROMIUM overrides; Playwright's own browser if neither exists).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const PORT = Number(opt("port") ?? process.env.BENCH_PORT ?? 4399);
const ONLY_PAGES = opt("pages")?.split(",");
const ONLY_DEMOS = opt("demos")?.split(",");
const RUN_TIMEOUT_MS = Number(opt("timeout") ?? 180_000);
const DIST = "dist";

interface Row {
  page: string;
  demo: string;
  firstChart: number;
  hydrated: number;
  defaultTask: number;
  /** Longest main-thread task by its CPU time (Chromium trace), which machine load does not inflate. */
  defaultCpu: number;
  defaultRun: number;
  large: string;
  largeRun: number | string;
  largeTask: number | string;
  largeCpu: number | string;
}

interface TraceEvent { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }

/** Runs `f` under a Chromium trace; returns its value and the longest renderer-main-thread task by CPU time (ms). */
async function traced<T>(browser: Browser, page: Page, f: () => Promise<T>): Promise<{ value: T; cpu: number }> {
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  let value: T;
  try {
    value = await f();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const buffer = await browser.stopTracing();
  const events = (JSON.parse(buffer.toString("utf8")) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  let cpu = 0;
  for (const e of events) if (e.name === "RunTask" && e.tdur !== undefined && mains.has(`${e.pid}:${e.tid}`)) cpu = Math.max(cpu, e.tdur / 1000);
  return { value, cpu };
}

/** Chapter pages of the build that hold demos, with their demo ids (read from the HTML). */
function demoPages(): { path: string; demos: string[] }[] {
  const dir = join(DIST, "chapters");
  if (!existsSync(dir)) throw new Error(`no ${dir}/: run \`npm run build\` first`);
  const out: { path: string; demos: string[] }[] = [];
  for (const slug of readdirSync(dir).sort()) {
    const file = join(dir, slug, "index.html");
    if (!existsSync(file) || (ONLY_PAGES && !ONLY_PAGES.includes(slug))) continue;
    const html = readFileSync(file, "utf8");
    const demos = [...html.matchAll(/<section class="demo" id="demo-([a-z][a-z0-9-]*)"/g)].map((m) => m[1]!).filter((id) => !ONLY_DEMOS || ONLY_DEMOS.includes(id));
    if (demos.length) out.push({ path: `/chapters/${slug}/`, demos });
  }
  return out;
}

async function startServer(): Promise<{ base: string; child?: ChildProcess }> {
  if (process.env.BENCH_URL) return { base: process.env.BENCH_URL.replace(/\/$/, "") };
  const base = `http://127.0.0.1:${PORT}`;
  const child = spawn("npx", ["astro", "preview", "--host", "127.0.0.1", "--port", String(PORT)], { stdio: "ignore", detached: true });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return { base, child };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro preview did not start on port ${PORT}`);
}

/** Installed before any page script: records long tasks and when each demo first intersects the viewport. */
function instrument() {
  const w = window as unknown as { __tasks: { start: number; duration: number }[]; __visible: Record<string, number> };
  w.__tasks = [];
  w.__visible = {};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  document.addEventListener("DOMContentLoaded", () => {
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting && !(e.target.id in w.__visible)) w.__visible[e.target.id] = e.time;
      }
    });
    document.querySelectorAll("section.demo").forEach((s) => io.observe(s));
  });
}

const longest = (page: Page, from: number, to: number) =>
  page.evaluate(([a, b]) => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[] };
    return w.__tasks.filter((t) => t.start + t.duration >= a! && t.start <= b!).reduce((m, t) => Math.max(m, t.duration), 0);
  }, [from, to]);

const now = (page: Page) => page.evaluate(() => performance.now());

async function waitPhase(page: Page, id: string, timeout: number): Promise<string> {
  const shell = page.locator(`#demo-${id} .demo-shell`);
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      const phase = el?.getAttribute("data-phase");
      return el?.getAttribute("data-live") === "true" && (phase === "done" || phase === "error");
    },
    `#demo-${id} .demo-shell`,
    { timeout, polling: 50 },
  );
  return (await shell.getAttribute("data-phase")) ?? "?";
}

async function setValue(page: Page, id: string, name: string, value: string) {
  const input = page.locator(`#demo-${id}-${name}`);
  await input.fill(value);
  await input.press("Enter");
}

/** Types the settings, waits for the run to start and finish; returns wall time and the longest task. */
async function largeRun(browser: Browser, page: Page, id: string, settings: [string, string][]): Promise<{ run: number | string; task: number | string; cpu: number | string }> {
  const { value, cpu } = await traced(browser, page, () => largeRunInner(page, id, settings));
  return { ...value, cpu: typeof value.run === "number" ? cpu : "—" };
}

async function largeRunInner(page: Page, id: string, settings: [string, string][]): Promise<{ run: number | string; task: number | string }> {
  const t0 = await now(page);
  for (const [name, value] of settings) await setValue(page, id, name, value);
  // The run starts after a 250 ms debounce (immediately for Enter in a number box).
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("data-phase") === "running", `#demo-${id} .demo-shell`, { timeout: 10_000, polling: 20 }).catch(() => {});
  try {
    const phase = await waitPhase(page, id, RUN_TIMEOUT_MS);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const t1 = await now(page);
    if (phase !== "done") return { run: `failed: ${(await page.locator(`#demo-${id} .demo-status`).textContent())?.slice(0, 60)}`, task: "—" };
    return { run: t1 - t0, task: await longest(page, t0, t1) };
  } catch {
    await page.locator(`#demo-${id}`).getByRole("button", { name: "Cancel" }).click().catch(() => {});
    return { run: `> ${RUN_TIMEOUT_MS / 1000} s`, task: await longest(page, t0, await now(page)) };
  }
}

async function measureDemo(browser: Browser, base: string, path: string, id: string): Promise<Row[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // tsx keeps function names with a __name helper that functions passed to the page would miss.
  await page.addInitScript("globalThis.__name = (f) => f;");
  await page.addInitScript(instrument);
  await page.goto(`${base}${path}`, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  // Jump to the demo (as a reader following a link to it would); hydration starts 400 px early.
  const { value: phase, cpu: defaultCpu } = await traced(browser, page, async () => {
    await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: "start" }), `#demo-${id}`);
    const phase = await waitPhase(page, id, RUN_TIMEOUT_MS);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    return phase;
  });
  const m = await page.evaluate((uid) => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    const visible = (window as unknown as { __visible: Record<string, number> }).__visible[uid] ?? Number.NaN;
    return { visible, hydrated: at(`${uid}:hydrated`), first: at(`${uid}:first-chart`), end: performance.now() };
  }, `demo-${id}`);
  const rows: Row[] = [];
  const defaultTask = await longest(page, m.visible, m.end);
  const base0 = { page: path, demo: id, firstChart: m.first - m.visible, hydrated: m.hydrated - m.visible, defaultTask, defaultCpu, defaultRun: m.first - m.hydrated };
  if (phase !== "done") {
    rows.push({ ...base0, large: "default run failed", largeRun: "—", largeTask: "—", largeCpu: "—" });
    await context.close();
    return rows;
  }
  const reps = Number(await page.locator(`#demo-${id}-replicates`).inputValue());
  const big = Math.min(5000, reps * 10);
  const large = await largeRun(browser, page, id, [["replicates", String(big)]]);
  rows.push({ ...base0, large: `R = ${big}`, largeRun: large.run, largeTask: large.task, largeCpu: large.cpu });
  if (id === "loop") {
    await waitPhase(page, id, RUN_TIMEOUT_MS).catch(() => {});
    const stress = await largeRun(browser, page, id, [["K", "100"], ["n", "1000"], ["generations", "200"], ["replicates", "5000"]]);
    rows.push({ page: path, demo: id, firstChart: Number.NaN, hydrated: Number.NaN, defaultTask: Number.NaN, defaultCpu: Number.NaN, defaultRun: Number.NaN, large: "K 100, n 1000, T 200, R 5000", largeRun: stress.run, largeTask: stress.task, largeCpu: stress.cpu });
  }
  await context.close();
  return rows;
}

function print(rows: Row[]) {
  const ms = (v: number | string) => (typeof v === "string" ? v : Number.isFinite(v) ? v.toFixed(0) : "");
  const task = (v: number | string) => (typeof v === "string" ? v : !Number.isFinite(v) ? "" : v === 0 ? "< 50" : v.toFixed(0));
  const header = ["page", "demo", "viewport → first chart ms", "hydrated ms", "default run ms", "longest task ms wall (default)", "CPU", "large run", "large run ms", "longest task ms wall (large)", "CPU"];
  const table = rows.map((r) => [r.page, r.demo, ms(r.firstChart), ms(r.hydrated), ms(r.defaultRun), task(r.defaultTask), ms(r.defaultCpu), r.large, ms(r.largeRun), task(r.largeTask), ms(r.largeCpu)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 || i === 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i < 2 || i === 7 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const row of table) console.log(line(row));
  const first = rows.map((r) => r.firstChart).filter(Number.isFinite);
  const tasks = rows.flatMap((r) => [r.defaultTask, r.largeTask]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const cpu = rows.flatMap((r) => [r.defaultCpu, r.largeCpu]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  console.log(`\nviewport → first chart: median ${median(first).toFixed(0)} ms, max ${Math.max(...first).toFixed(0)} ms (goal ≤ 300 ms); longest main-thread task: ${Math.max(0, ...tasks).toFixed(0)} ms wall, ${Math.max(0, ...cpu).toFixed(0)} ms CPU (goal < 100 ms; wall 0 = none ≥ 50 ms).`);
  console.log(`Long tasks are wall-clock (PerformanceObserver "longtask", ≥ 50 ms only) and grow when the machine is busy: load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end.`);
}

async function main() {
  const pages = demoPages();
  const { base, child } = await startServer();
  const executablePath = process.env.PW_CHROMIUM ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const rows: Row[] = [];
  try {
    for (const p of pages) {
      for (const id of p.demos) {
        const got = await measureDemo(browser, base, p.path, id);
        rows.push(...got);
        for (const r of got) console.error(`measured ${r.page} ${r.demo} ${r.large}`);
      }
    }
  } finally {
    await browser.close();
    if (child?.pid) process.kill(-child.pid, "SIGTERM");
  }
  print(rows);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
