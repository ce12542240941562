/**
 * Main-thread side of the simulation worker. One client per demo: it numbers runs so a late answer
 * from a superseded run is dropped, forwards cancel, and falls back to the same chunked loop on the
 * main thread (short chunks) if a worker cannot start. Only the worker imports the model registry; the
 * fallback loads it (and the run loop) by dynamic import, so the island's own JS stays small.
 */
import * as Comlink from "comlink";
import type { Params } from "../../core/schema";
import type { Coerced, DemoRunResult, Progress, RunRequest, SimApi } from "../../demos/protocol";

async function mainThreadRunner(): Promise<SimApi> {
  const [{ createRunner }, { lookupModel }] = await Promise.all([import("../../demos/protocol"), import("../../demos/registry")]);
  return createRunner(lookupModel, { targetChunkMs: 16 });
}

export class SimClient {
  #worker: Worker | undefined;
  #api: SimApi | Comlink.Remote<SimApi> | Promise<SimApi> | undefined;
  #failed: Promise<never> | undefined;
  #seq = 0;
  #active = 0;

  #fallback(): Promise<SimApi> {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#failed = undefined;
    const api = mainThreadRunner();
    this.#api = api;
    return api;
  }

  #connect(): SimApi | Comlink.Remote<SimApi> | Promise<SimApi> {
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

  /** Calls the worker (or the fallback); if the worker fails to start, retries on the main thread. */
  async #call<T>(f: (api: SimApi | Comlink.Remote<SimApi>, inWorker: boolean) => Promise<T>): Promise<T> {
    const api = await this.#connect();
    try {
      const call = f(api, this.#worker !== undefined);
      return await (this.#failed ? Promise.race([call, this.#failed]) : call);
    } catch (error) {
      if (!this.#worker || !(error instanceof Error) || !/worker failed/.test(error.message)) throw error;
      return f(await this.#fallback(), false);
    }
  }

  /** Resolves to the result, or null if this run was cancelled or superseded meanwhile. */
  async run(request: RunRequest, onProgress: (p: Progress) => void): Promise<DemoRunResult | null> {
    const id = ++this.#seq;
    this.#active = id;
    const report = (p: Progress) => {
      if (this.#active === id) onProgress(p);
    };
    const result = await this.#call((api, inWorker) => api.run(id, request, inWorker ? Comlink.proxy(report) : report) as Promise<DemoRunResult | null>);
    return this.#active === id ? result : null;
  }

  /** The model's own lenient validation (text parsers, cross-parameter checks), in the worker. */
  coerce(model: string, raw: Record<string, unknown>, base: Params): Promise<Coerced> {
    return this.#call((api) => api.coerce(model, raw, base) as Promise<Coerced>);
  }

  /** Starts the worker now (it loads and compiles the models), so the next call need not wait for it. */
  warm(): void {
    void Promise.resolve(this.#connect()).catch(() => {});
  }

  cancel(): void {
    const id = this.#active;
    this.#active = 0;
    if (id && this.#api) void Promise.resolve(this.#api).then((api) => api.cancel(id));
  }

  dispose(): void {
    this.cancel();
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#api = undefined;
  }
}
