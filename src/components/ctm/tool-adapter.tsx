/** @jsxImportSource preact */
/**
 * INTERIM stand-in for the shared tool kit (src/components/tool/, arriving on main): the same API
 * (`useToolState`, `ToolShare`) so the islands switch by changing this file only.
 */
import { useEffect, useState } from "preact/hooks";
import { coerceParams, defaultParams, formatParam, type AnySpec, type Params, type Schema } from "../../core/schema";
import { noticeText, replaceInQuery } from "../../demos/url-state";

export function useToolState<P extends Params>(id: string, schema: Schema<P>, defaults?: Partial<P>) {
  const base = { ...defaultParams(schema), ...(defaults ?? {}) } as P;
  const [params, setAll] = useState<P>(base);
  const [notice, setNotice] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    const raw: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(location.search)) if (k.startsWith(`${id}.`)) raw[k.slice(id.length + 1)] = v;
    if (Object.keys(raw).length) {
      const { params: p, notices } = coerceParams({ ...schema, params: Object.fromEntries(Object.entries(schema.params).map(([k, s]) => [k, { ...(s as AnySpec), default: base[k] }])) as Schema<P>["params"] }, raw);
      setAll(p);
      if (notices.length) setNotice(notices.map(noticeText).join("; "));
    }
    setHydrated(true);
  }, []);
  const write = (p: P) => {
    const entries: [string, string][] = [];
    for (const [k, spec] of Object.entries(schema.params) as [string, AnySpec][]) if (String(p[k]) !== String(base[k])) entries.push([`${id}.${k}`, formatParam(spec, p[k]!)]);
    history.replaceState(history.state, "", `${location.pathname}${replaceInQuery(location.search, id, entries.length ? entries : null)}${location.hash}`);
  };
  const setParams = (patch: Partial<P>) => {
    setAll((old) => {
      const next = { ...old, ...patch };
      write(next);
      return next;
    });
  };
  const reset = () => {
    setAll(base);
    write(base);
    setNotice(null);
  };
  return { params, setParams, reset, notice, hydrated };
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ToolShare<P extends Params>(props: { id: string; title: string; schema: Schema<P>; params: P; label: string; json: () => unknown; csv?: () => string; charts?: string[]; command?: string }) {
  return (
    <div class="demo-share">
      <button type="button" onClick={() => void navigator.clipboard?.writeText(location.href)}>Copy link</button>
      <button type="button" onClick={() => download(`${props.id}.json`, "application/json", JSON.stringify(props.json(), null, 2))}>JSON</button>
      {props.csv ? <button type="button" onClick={() => download(`${props.id}.csv`, "text/csv", props.csv!())}>CSV</button> : null}
      {(props.charts ?? []).map((c) => (
        <button type="button" onClick={() => { const el = document.getElementById(c); if (el) download(`${c}.svg`, "image/svg+xml", el.outerHTML); }}>SVG {c}</button>
      ))}
      {props.command ? <code>{props.command}</code> : null}
    </div>
  );
}
