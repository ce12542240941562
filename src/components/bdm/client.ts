/**
 * Main-thread side of the BDM worker: one shared worker for the page, started on first use; if it cannot
 * start, the same API runs on the main thread (loaded lazily). Callers drop superseded answers themselves.
 */
import * as Comlink from "comlink";
import type { BdmApi } from "./api";

let api: Promise<BdmApi | Comlink.Remote<BdmApi>> | undefined;

async function fallback(): Promise<BdmApi> {
  return (await import("./api")).bdmApi;
}

export function bdmClient(): Promise<BdmApi | Comlink.Remote<BdmApi>> {
  if (api) return api;
  api = (async () => {
    try {
      const worker = new Worker(new URL("./bdm.worker.ts", import.meta.url), { type: "module", name: "bdm" });
      const failed = new Promise<"failed">((resolve) => {
        worker.addEventListener("error", (event) => {
          event.preventDefault();
          resolve("failed");
        });
      });
      const remote = Comlink.wrap<BdmApi>(worker);
      // A tiny call proves the worker runs (and warms the 1-D table up).
      const ok = await Promise.race([remote.bits("0", { block: 1, offset: 1, boundary: "ignore" }).then(() => "ok" as const), failed]);
      if (ok === "ok") return remote;
      worker.terminate();
      return fallback();
    } catch {
      return fallback();
    }
  })();
  return api;
}
