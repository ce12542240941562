/**
 * Main-thread side of src/workers/symbolic.worker.ts. One worker per client; `cancel()` terminates it
 * (the search is one synchronous loop, so terminating is the only prompt way to stop it) and the next
 * call starts a fresh one. Runs are numbered: the answer of a superseded run resolves to null.
 */
import * as Comlink from "comlink";
import type { EcaDemoResult, EcaParams, LawDemoResult, LawParams } from "../../core/symbolic/demo";
import type { SymbolicApi } from "../../workers/symbolic.worker";

export class SymbolicClient {
  #worker: Worker | undefined;
  #api: Comlink.Remote<SymbolicApi> | undefined;
  #seq = 0;
  #reject: ((e: Error) => void) | undefined;
  #busy = 0;

  #connect(): Comlink.Remote<SymbolicApi> {
    if (this.#api) return this.#api;
    const worker = new Worker(new URL("../../workers/symbolic.worker.ts", import.meta.url), { type: "module", name: "symbolic" });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.#reject?.(new Error("the search worker failed to start"));
    });
    this.#worker = worker;
    this.#api = Comlink.wrap<SymbolicApi>(worker);
    return this.#api;
  }

  async #call<T>(f: (api: Comlink.Remote<SymbolicApi>) => Promise<T>): Promise<T | null> {
    const id = ++this.#seq;
    const failed = new Promise<never>((_, reject) => (this.#reject = reject));
    failed.catch(() => {});
    this.#busy = id;
    try {
      const result = await Promise.race([f(this.#connect()), failed]);
      return id === this.#seq ? result : null;
    } catch (e) {
      if (e instanceof Error && e.message === "cancelled") return null;
      throw e;
    } finally {
      if (this.#busy === id) this.#busy = 0;
    }
  }

  law(params: LawParams, onProgress: (done: number, total: number) => void): Promise<LawDemoResult | null> {
    const id = this.#seq + 1;
    return this.#call((api) => api.law(params, Comlink.proxy((d: number, t: number) => id === this.#seq && onProgress(d, t))) as Promise<LawDemoResult>);
  }

  eca(params: EcaParams): Promise<EcaDemoResult | null> {
    return this.#call((api) => api.eca(params) as Promise<EcaDemoResult>);
  }

  /** Stops the running search (if any): its promise resolves to null; the next call starts a new worker. */
  cancel(): void {
    this.#seq++;
    // An idle worker keeps its caches (the enumerated skeletons); only a running search is stopped.
    if (!this.#busy) return;
    this.#busy = 0;
    this.#reject?.(new Error("cancelled"));
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#api = undefined;
  }

  dispose(): void {
    this.cancel();
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#api = undefined;
  }
}
