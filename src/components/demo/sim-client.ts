/**
 * Main-thread side of the simulation worker. One client per demo: it numbers runs so a late answer
 * from a superseded run is dropped, forwards cancel, and falls back to the same chunked loop on the
 * main thread (short chunks) if a worker cannot start.
 */
import * as Comlink from "comlink";
import type { RunResult } from "../../core/ensemble";
import { createRunner, type Progress, type RunRequest, type SimApi } from "../../demos/protocol";
import { lookupModel } from "../../demos/registry";

export class SimClient {
  #worker: Worker | undefined;
  #api: SimApi | Comlink.Remote<SimApi> | undefined;
  #failed: Promise<never> | undefined;
  #seq = 0;
  #active = 0;

  #fallback(): SimApi {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#failed = undefined;
    const api = createRunner(lookupModel, { targetChunkMs: 16 });
    this.#api = api;
    return api;
  }

  #connect(): SimApi | Comlink.Remote<SimApi> {
    if (this.#api) return this.#api;
    try {
      const worker = new Worker(new URL("../../workers/sim.worker.ts", import.meta.url), { type: "module", name: "simulation" });
      this.#failed = new Promise<never>((_, reject) => {
        worker.addEventListener("error", (event) => {
          event.preventDefault();
          reject(new Error("the simulation worker failed to start"));
        });
      });
      this.#failed.catch(() => {});
      this.#worker = worker;
      this.#api = Comlink.wrap<SimApi>(worker);
      return this.#api;
    } catch {
      return this.#fallback();
    }
  }

  /** Resolves to the result, or null if this run was cancelled or superseded meanwhile. */
  async run(request: RunRequest, onProgress: (p: Progress) => void): Promise<RunResult | null> {
    const id = ++this.#seq;
    this.#active = id;
    const report = (p: Progress) => {
      if (this.#active === id) onProgress(p);
    };
    let api = this.#connect();
    let result: RunResult | null;
    try {
      const call = api.run(id, request, this.#worker ? Comlink.proxy(report) : report) as Promise<RunResult | null>;
      result = await (this.#failed ? Promise.race([call, this.#failed]) : call);
    } catch (error) {
      if (!this.#worker || !(error instanceof Error) || !/worker failed/.test(error.message)) throw error;
      api = this.#fallback();
      result = await api.run(id, request, report);
    }
    return this.#active === id ? result : null;
  }

  cancel(): void {
    const id = this.#active;
    this.#active = 0;
    if (id) void this.#api?.cancel(id);
  }

  dispose(): void {
    this.cancel();
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#api = undefined;
  }
}
