import { existsSync } from "node:fs";
import path from "node:path";
import type { Configuration } from "app-builder-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { nativeInventory, type NativeInventory } from "./native-inventory";
import type { NativeFile } from "./native-files";
import { loadBuilderConfig, TARGET_PLATFORMS, uncoveredNativeFiles } from "./unpack-coverage";

const PROJECT_DIR = path.resolve(import.meta.dirname, "..", "..");
const BUNDLE_DIR = path.join(PROJECT_DIR, "out", "main");

function describeFiles(files: readonly NativeFile[]): string {
  return files.map((native) => `${path.relative(PROJECT_DIR, native.file)} (${native.kind})`).join("\n");
}

function withoutUnpackPatterns(config: Configuration, packageName: string): Configuration {
  const patterns = [config.asarUnpack ?? []].flat();
  return { ...config, asarUnpack: patterns.filter((pattern) => !pattern.includes(packageName)) };
}

describe("the packaged app keeps every native piece outside app.asar", () => {
  let inventory: NativeInventory;
  let config: Configuration;

  beforeAll(async () => {
    if (!existsSync(path.join(BUNDLE_DIR, "index.js"))) throw new Error("Build first: npx electron-vite build");
    inventory = await nativeInventory(BUNDLE_DIR, PROJECT_DIR);
    config = await loadBuilderConfig(PROJECT_DIR);
  });

  it("finds the engines' native modules and ffmpeg through the built code's imports", () => {
    expect(inventory.externals).toEqual(expect.arrayContaining(["node-llama-cpp", "onnxruntime-node", "sharp", "@ffmpeg-installer/ffmpeg"]));
    expect(inventory.externals).not.toContain("electron");
    const names = inventory.files.map((native) => path.relative(PROJECT_DIR, native.file));
    const expected = [
      /node_modules\/@node-llama-cpp\/[^/]+\/bins\/[^/]+\/llama-addon\.node$/,
      new RegExp(`node_modules/onnxruntime-node/bin/napi-v\\d+/${process.platform}/${process.arch}/onnxruntime_binding\\.node$`),
      /node_modules\/onnxruntime-node\/bin\/napi-v\d+\/linux\/x64\/libonnxruntime\.so\.1$/,
      /node_modules\/onnxruntime-node\/bin\/napi-v\d+\/win32\/x64\/DirectML\.dll$/,
      /node_modules\/@img\/sharp-[^/]+\/lib\/sharp-[^/]+\.node$/,
      /node_modules\/@img\/sharp-libvips-[^/]+\/lib\/libvips-cpp\./,
      /node_modules\/@ffmpeg-installer\/[^/]+\/ffmpeg(\.exe)?$/,
    ];
    for (const pattern of expected) expect(names.some((name) => pattern.test(name)), `${pattern} among\n${names.join("\n")}`).toBe(true);
    const ffmpeg = inventory.files.find((native) => /@ffmpeg-installer\/[^/]+\/ffmpeg(\.exe)?$/.test(native.file));
    expect(ffmpeg?.kind).toMatch(/^(elf|mach-o|pe)$/);
  });

  it.each(TARGET_PLATFORMS)("asarUnpack covers every native module and binary on $key", async (target) => {
    const uncovered = await uncoveredNativeFiles(inventory.files, config, PROJECT_DIR, target);
    expect(uncovered, `Add asarUnpack patterns in electron-builder.yml for:\n${describeFiles(uncovered)}`).toEqual([]);
  });

  it.each(["onnxruntime-node", "@ffmpeg-installer", "@node-llama-cpp", "@img"])(
    "would report %s's binaries if its asarUnpack pattern were removed",
    async (packageName) => {
      const packed = await uncoveredNativeFiles(inventory.files, withoutUnpackPatterns(config, packageName), PROJECT_DIR, TARGET_PLATFORMS[0]);
      const ofPackage = inventory.files.filter((native) => native.packageName.startsWith(packageName));
      expect(ofPackage.length).toBeGreaterThan(0);
      expect(packed).toEqual(ofPackage);
    },
  );
});
