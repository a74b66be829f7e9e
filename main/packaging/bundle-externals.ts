import { readdir, readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import path from "node:path";
import { init, parse } from "es-module-lexer";

/** Provided by the runtime, never by node_modules. */
const RUNTIME_MODULES = new Set(["electron", ...builtinModules]);

/** `require("x")`, `require.resolve("x")` and `createRequire(…).resolve("x")`: module ids the lexer does not see. */
const REQUIRE_CALL = /(?:\brequire(?:\.resolve)?|\bcreateRequire\([^()]*\)\.resolve)\(\s*["']([^"']+)["']\s*\)/g;

/**
 * The npm packages the built bundle in `bundleDir` can load at run time: every import,
 * dynamic import and require of a bare module id in its `.js`/`.cjs`/`.mjs` files, reduced to
 * the package name (`sharp`, `@img/x`), without Node built-ins and Electron.
 */
export async function bundleExternals(bundleDir: string): Promise<string[]> {
  await init;
  const packages = new Set<string>();
  for (const file of await scriptFiles(bundleDir)) {
    const source = await readFile(file, "utf8");
    for (const id of moduleIds(source)) {
      const name = packageNameOf(id);
      if (name !== undefined) packages.add(name);
    }
  }
  return [...packages].sort();
}

function moduleIds(source: string): string[] {
  const [imports] = parse(source);
  const ids = imports.map((found) => found.n).filter((id): id is string => id !== undefined);
  for (const match of source.matchAll(REQUIRE_CALL)) ids.push(match[1] ?? "");
  return ids;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; undefined for relative paths, URLs and runtime modules. */
export function packageNameOf(id: string): string | undefined {
  if (id === "" || id.startsWith(".") || id.startsWith("/") || /^[a-z]+:/i.test(id)) return undefined;
  const parts = id.split("/");
  const name = id.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  if (name === undefined || RUNTIME_MODULES.has(name)) return undefined;
  return name;
}

async function scriptFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(c|m)?js$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
