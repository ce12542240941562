import path from "node:path";

/**
 * How a file is named in build errors: relative to the project when inside it ("content/chapters/03-x.mdx"),
 * absolute otherwise (never "../../elsewhere.mdx", which depends on where the checkout happens to live).
 */
export function displayPath(abs: string, root = process.cwd()): string {
  const rel = path.relative(root, abs);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return abs;
  return rel.split(path.sep).join("/");
}
