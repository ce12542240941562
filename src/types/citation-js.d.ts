// Minimal typings for the parts of citation-js (0.7) that src/lib/bibliography.ts uses; the packages ship none.
declare module "@citation-js/core" {
  export interface CslName {
    family?: string;
    given?: string;
    literal?: string;
    "non-dropping-particle"?: string;
  }
  export interface CslDate {
    "date-parts"?: (number | string)[][];
    literal?: string;
  }
  export interface CslData {
    id: string;
    type?: string;
    title?: string;
    author?: CslName[];
    editor?: CslName[];
    issued?: CslDate;
    DOI?: string;
    URL?: string;
    [field: string]: unknown;
  }
  export interface FormatOptions {
    format?: "text" | "html";
    template?: string;
    lang?: string;
    entry?: string | string[];
    asEntryArray?: boolean;
    hyperlinks?: boolean;
    nosort?: boolean;
  }
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: CslData[];
    format(kind: "bibliography", options: FormatOptions & { asEntryArray: true }): [string, string][];
    format(kind: string, options?: FormatOptions): string;
  }
  export const plugins: unknown;
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-csl";
