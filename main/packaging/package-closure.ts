import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface InstalledPackage {
  name: string;
  version: string;
  /** Absolute path of the package's folder in node_modules. */
  dir: string;
}

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/**
 * Every installed package that `roots` can load, with their dependencies, optional
 * dependencies (the platform binary packages) and peer dependencies, found the way Node
 * finds them: in `node_modules` beside the requiring package, then in each folder above it
 * up to `projectDir`. A missing required dependency is an error; missing optional and peer
 * dependencies (other platforms' binaries) are skipped.
 */
export async function packageClosure(roots: readonly string[], projectDir: string): Promise<InstalledPackage[]> {
  const found = new Map<string, InstalledPackage>();
  const queue = roots.map((name) => ({ name, from: projectDir, required: true }));
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const dir = locatePackage(next.name, next.from, projectDir);
    if (dir === undefined) {
      if (next.required) throw new Error(`${next.name} is needed (from ${next.from}) but is not installed: run npm ci.`);
      continue;
    }
    if (found.has(dir)) continue;
    const manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as Manifest;
    found.set(dir, { name: manifest.name ?? next.name, version: manifest.version ?? "unknown", dir });
    for (const name of Object.keys(manifest.dependencies ?? {})) queue.push({ name, from: dir, required: true });
    for (const name of Object.keys({ ...manifest.optionalDependencies, ...manifest.peerDependencies })) {
      queue.push({ name, from: dir, required: false });
    }
  }
  return [...found.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

function locatePackage(name: string, from: string, projectDir: string): string | undefined {
  const top = path.resolve(projectDir);
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === top || path.dirname(dir) === dir) return undefined;
  }
}
