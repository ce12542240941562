/** Shared by the TypeScript bench children: timing and peak-RSS report as one JSON line on stdout. */

export interface BenchReport {
  /** Seconds spent in the timed work (imports and start-up excluded, as in the numpy children). */
  seconds: number;
  /** CPU seconds (user + system) of the timed work: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  /** Peak resident set size of this process over its whole life, MB. */
  peakRssMB: number;
  /** Resident set size just before the timed work, MB (the runtime's own footprint). */
  baseRssMB: number;
  /** A number computed from the results, printed so the two implementations can be sanity-checked. */
  check: number;
}

export function benchArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

export function timed(work: () => number): void {
  const baseRssMB = process.memoryUsage().rss / 2 ** 20;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const check = work();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  const report: BenchReport = { seconds, cpuSeconds, peakRssMB, baseRssMB, check };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
