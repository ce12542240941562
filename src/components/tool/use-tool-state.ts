/**
 * URL state for a tool (calculator, explorer, search): its parameters live in the query under its id
 * (`?bdm.bits=0101&bdm.block=4`) so a shared link reopens the same state. Read once on hydration,
 * leniently (bad values → defaults + plain-text notices); written with replaceState after the reader
 * changes something, and removed again when the state equals the defaults.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { defaultParams, type Params, type Schema } from "../../core/schema";
import { decodeParams, encodeParams, noticeText, replaceInQuery, sameParams } from "../../demos/url-state";

const URL_DEBOUNCE_MS = 400;

export interface ToolState<P extends Params> {
  params: P;
  /** Merges typed values (from controls that already validated them). */
  setParams: (patch: Partial<P>) => void;
  reset: () => void;
  /** The notices about replaced link values, one per line; empty when there were none. */
  notices: string[];
  dismissNotices: () => void;
  /** False until the URL was read: render controls disabled before that. */
  hydrated: boolean;
  /** The full defaults, this tool's overrides included. */
  defaults: P;
}

export function useToolState<P extends Params>(id: string, schema: Schema<P>, overrides: Partial<P> = {}): ToolState<P> {
  const defaults = useMemo(() => ({ ...defaultParams(schema), ...overrides }) as P, []);
  const [params, setAll] = useState<P>(defaults);
  const [notices, setNotices] = useState<string[]>([]);
  const [hydrated, setHydrated] = useState(false);
  const touched = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    const decoded = decodeParams(id, schema, location.search, defaults);
    setAll(decoded.params);
    setNotices(decoded.notices.map(noticeText));
    // A link with replaced values is rewritten, so the address bar shows the state on screen.
    if (decoded.notices.length) touched.current = true;
    setHydrated(true);
    return () => clearTimeout(timer.current);
  }, []);

  useEffect(() => {
    if (!hydrated || !touched.current) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const entries = sameParams(schema as Schema<Params>, params, defaults) ? null : encodeParams(id, schema as Schema<Params>, params);
      history.replaceState(history.state, "", `${location.pathname}${replaceInQuery(location.search, id, entries)}${location.hash}`);
    }, URL_DEBOUNCE_MS);
  }, [params, hydrated]);

  return {
    params,
    setParams: (patch) => {
      touched.current = true;
      setAll((p) => ({ ...p, ...patch }));
    },
    reset: () => {
      touched.current = true;
      setAll(defaults);
    },
    notices,
    dismissNotices: () => setNotices([]),
    hydrated,
    defaults,
  };
}
