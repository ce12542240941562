/**
 * Simulation worker: runs replicate chunks off the main thread and reports progress (comlink).
 * All logic lives in createRunner (src/demos/protocol.ts), shared with the main-thread fallback.
 */
import * as Comlink from "comlink";
import { createRunner, type SimApi } from "../demos/protocol";
import { lookupModel } from "../demos/registry";

const runner = createRunner(lookupModel);

const api: SimApi = {
  async run(id, request, onProgress) {
    try {
      return await runner.run(id, request, (p) => void onProgress(p));
    } finally {
      (onProgress as unknown as Comlink.Remote<unknown>)[Comlink.releaseProxy]?.();
    }
  },
  cancel(id) {
    runner.cancel(id);
  },
  coerce(model, raw, base) {
    return runner.coerce(model, raw, base);
  },
};

Comlink.expose(api);
