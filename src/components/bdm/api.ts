/**
 * The BDM tools' compute API, shared by the worker and the main-thread fallback. Tables are loaded lazily.
 * Every call returns `{ ok: true, value }` or `{ ok: false, error }` with a plain-text error (never throws).
 */
import { analyse1D, analyse2D, analyseSet, type Analysis1, type Analysis2, type Options1, type Options2, type SetRow } from "./analysis";
import { load1D, load2D } from "./tables";

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

async function guard<T>(f: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await f() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : "the computation failed" };
  }
}

export const bdmApi = {
  bits(text: string, o: Options1): Promise<Result<Analysis1>> {
    return guard(async () => analyse1D(text, await load1D(), o));
  },
  grid(rows: string[], o: Options2): Promise<Result<Analysis2>> {
    return guard(async () => analyse2D(rows, await load2D(), o));
  },
  set(specs: string[], n: number, o: Options1): Promise<Result<SetRow[]>> {
    return guard(async () => analyseSet(specs, n, await load1D(), o));
  },
};

export type BdmApi = typeof bdmApi;
