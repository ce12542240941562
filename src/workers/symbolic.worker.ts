/**
 * Chapter 11 worker (comlink): runs the symbolic regression demo and the ECA rule ranking off the main
 * thread. The search is synchronous; progress is posted through the proxied callback every 250 skeletons.
 * Cancel = the client terminates this worker and starts a fresh one (src/components/symbolic/client.ts).
 */
import * as Comlink from "comlink";
import { runEcaDemo, runLawDemo, type EcaDemoResult, type EcaParams, type LawDemoResult, type LawParams } from "../core/symbolic/demo";

export interface SymbolicApi {
  law(params: LawParams, onProgress?: (done: number, total: number) => void): LawDemoResult;
  eca(params: EcaParams): EcaDemoResult;
}

const api: SymbolicApi = {
  law(params, onProgress) {
    const t0 = performance.now();
    const r = runLawDemo(params, onProgress ? (d, t) => void onProgress(d, t) : undefined);
    (r as LawDemoResult & { ms?: number }).ms = performance.now() - t0;
    return r;
  },
  eca(params) {
    return runEcaDemo(params);
  },
};

Comlink.expose(api);
