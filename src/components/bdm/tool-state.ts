/**
 * Interim URL state for the BDM tools until the shared kit (src/components/tool/) is merged: same contract as
 * its useToolState(id, schema, defaults?) → { params, setParams, reset, notice, hydrated }.
 * Keys ?<id>.<param>=…, lenient read with plain-text notices, replaceState writes, defaults omitted.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { coerceParams, defaultParams, formatParam, type Params, type Schema } from "../../core/schema";

export function useToolState<P extends Params>(id: string, schema: Schema<P>, defaults?: Partial<P>) {
  const base = { ...defaultParams(schema), ...defaults } as P;
  const [params, setState] = useState<P>(base);
  const [notice, setNotice] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);

  useEffect(() => {
    const raw: Record<string, string> = {};
    const url = new URL(window.location.href);
    for (const [k, v] of url.searchParams) if (k.startsWith(`${id}.`)) raw[k.slice(id.length + 1)] = v;
    const { params: p, notices } = coerceParams(schema, { ...base, ...raw });
    setState(p);
    if (notices.length) setNotice(notices.map((n) => n.message).join(" "));
    setHydrated(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const write = (p: P) => {
    const url = new URL(window.location.href);
    for (const k of [...url.searchParams.keys()]) if (k.startsWith(`${id}.`)) url.searchParams.delete(k);
    for (const [k, spec] of Object.entries(schema.params)) {
      const v = p[k]!;
      if (formatParam(spec as never, v) !== formatParam(spec as never, base[k]!)) url.searchParams.set(`${id}.${k}`, formatParam(spec as never, v));
    }
    window.history.replaceState(window.history.state, "", url);
  };

  const setParams = useCallback((patch: Partial<P>) => {
    setState((old) => {
      const next = { ...old, ...patch } as P;
      write(next);
      return next;
    });
    setNotice(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const reset = useCallback(() => {
    setState(base);
    write(base);
    setNotice(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { params, setParams, reset, notice, hydrated };
}
