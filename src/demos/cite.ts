/** "Cite this run": a BibTeX @misc whose url is the run's link and whose note lists the state. */
import type { Params, Schema } from "../core/schema";
import { formatParams } from "./format";
import type { DemoState } from "./types";

export interface RunCitation {
  /** Page title (citation_title meta). */
  title: string;
  /** citation_author metas, each "Family, Given" or a literal name. */
  authors: string[];
  /** Site version (site-version meta). */
  version: string;
  /** Four-digit year of the page (citation_publication_date or build date). */
  year: string;
  /** Accessed date, YYYY-MM-DD. */
  accessed: string;
  /** The full link to this run. */
  url: string;
  demoId: string;
  demoTitle?: string;
  modelLabel: string;
  schema: Schema<Params>;
  state: DemoState;
}

/** Escapes TeX specials in a field value; keeps the text readable. */
export function bibEscape(text: string): string {
  // One pass, so the braces of an inserted \textbackslash{} are not escaped again.
  const map: Record<string, string> = { "\\": "\\textbackslash{}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };
  return text.replace(/[\\{}&%$#_~^]/g, (c) => map[c] ?? `\\${c}`);
}

/** A URL inside a BibTeX field: braces would break the entry, so they are percent-encoded. */
function bibUrl(url: string): string {
  return url.replace(/\{/g, "%7B").replace(/\}/g, "%7D").replace(/\\/g, "%5C");
}

/** The fields every citation of a run or a tool state shares; `what` names the demo, `note` lists the state. */
interface MiscFields {
  title: string;
  authors: string[];
  version: string;
  year: string;
  url: string;
}

function bibtexMisc(c: MiscFields, key: string, what: string, note: string): string {
  const fields: [string, string][] = [
    ["title", `{${bibEscape(`${c.title}: ${what}`)}}`],
    ["author", `{${c.authors.map((a) => (a.includes(",") ? bibEscape(a) : `{${bibEscape(a)}}`)).join(" and ")}}`],
    ["year", `{${bibEscape(c.year)}}`],
    ["version", `{${bibEscape(c.version)}}`],
    ["url", `{${bibUrl(c.url)}}`],
    ["note", `{${bibEscape(note)}}`],
  ];
  return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(",\n")}\n}`;
}

export function bibtexForRun(c: RunCitation): string {
  const key = `${c.demoId.replace(/[^a-z0-9]/gi, "")}-seed${c.state.seed}`;
  const what = c.demoTitle ? `${c.demoTitle} (demo ${c.demoId})` : `demo ${c.demoId}`;
  const note =
    `Interactive simulation run, ${c.modelLabel}: ${formatParams(c.schema, c.state.params)}; ` +
    `seed ${c.state.seed}; ${c.state.replicates} replicates. Site version ${c.version}. Accessed ${c.accessed}.`;
  return bibtexMisc(c, key, what, note);
}

/** A tool's state (calculator, explorer, search): no replicates; its parameters, seed included, say it all. */
export interface ToolCitation extends MiscFields {
  accessed: string;
  toolId: string;
  toolTitle?: string;
  /** What kind of computation, e.g. "BDM calculator". */
  label: string;
  schema: Schema<Params>;
  params: Params;
}

export function bibtexForTool(c: ToolCitation): string {
  const key = c.toolId.replace(/[^a-z0-9]/gi, "") || "demo";
  const what = c.toolTitle ? `${c.toolTitle} (demo ${c.toolId})` : `demo ${c.toolId}`;
  const listed = formatParams(c.schema, c.params);
  const note = `Interactive computation, ${c.label}${listed ? `: ${listed}` : ""}. Site version ${c.version}. Accessed ${c.accessed}.`;
  return bibtexMisc(c, key, what, note);
}
