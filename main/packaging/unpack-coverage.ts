import type { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Configuration, PlatformSpecificBuildOptions } from "app-builder-lib";
import { getFileMatchers, type FileMatcher } from "app-builder-lib/out/fileMatcher";
import { getConfig } from "app-builder-lib/out/util/config/config";
import type { NativeFile } from "./native-files";

/** electron-builder's names for the platforms `npm run dist` builds installers for. */
export const TARGET_PLATFORMS = [
  { key: "linux", platform: "linux", os: "linux" },
  { key: "mac", platform: "darwin", os: "mac" },
  { key: "win", platform: "win32", os: "win" },
] as const;
export type TargetPlatform = (typeof TARGET_PLATFORMS)[number];

/** electron-builder.yml (or package.json "build"), read by electron-builder's own loader. */
export function loadBuilderConfig(projectDir: string): Promise<Configuration> {
  return getConfig(projectDir, null, null);
}

/**
 * The native files that would end up inside app.asar on `target`: matched neither by an
 * `asarUnpack` pattern nor by an `extraResources` file set. Matching is electron-builder's
 * own (its FileMatcher: minimatch with `dot`, a bare folder name also matching its contents),
 * with the platform's options merged in as electron-builder merges them.
 */
export async function uncoveredNativeFiles(
  files: readonly NativeFile[],
  config: Configuration,
  projectDir: string,
  target: TargetPlatform,
): Promise<NativeFile[]> {
  const options = {
    macroExpander: expandMacros(target),
    customBuildOptions: (config[target.key] ?? {}) as PlatformSpecificBuildOptions,
    globalOutDir: path.resolve(projectDir, config.directories?.output ?? "dist"),
    defaultSrc: projectDir,
  };
  const unpack = getFileMatchers(config, "asarUnpack", projectDir, options) ?? [];
  const resources = getFileMatchers(config, "extraResources", projectDir, options) ?? [];
  const uncovered: NativeFile[] = [];
  for (const native of files) {
    const stats = await stat(native.file);
    const covered = [...unpack, ...resources].some((matcher) => matches(matcher, native.file, stats));
    if (!covered) uncovered.push(native);
  }
  return uncovered;
}

function matches(matcher: FileMatcher, file: string, stats: Stats): boolean {
  if (file !== matcher.from && !file.startsWith(matcher.from + path.sep)) return false;
  return matcher.createFilter()(file, stats);
}

/** The macros a pattern may use; any other is refused rather than matched literally. */
function expandMacros(target: TargetPlatform): (pattern: string) => string {
  const values: Record<string, string> = { os: target.os, platform: target.platform, arch: "*" };
  return (pattern) =>
    pattern.replace(/\$\{(\w+)\}/g, (_macro, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`Unsupported macro \${${name}} in "${pattern}".`);
      return value;
    });
}
