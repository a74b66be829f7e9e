import { bundleExternals } from "./bundle-externals";
import { nativeFilesOf, type NativeFile } from "./native-files";
import { packageClosure, type InstalledPackage } from "./package-closure";

export interface NativeInventory {
  /** The packages the bundle imports or requires by name. */
  externals: string[];
  /** Those and everything they depend on, as installed. */
  packages: InstalledPackage[];
  /** The native modules and binaries among their files. */
  files: NativeFile[];
}

/** Every native module and binary the built code in `bundleDir` can load or spawn, from `projectDir`'s node_modules. */
export async function nativeInventory(bundleDir: string, projectDir: string): Promise<NativeInventory> {
  const externals = await bundleExternals(bundleDir);
  const packages = await packageClosure(externals, projectDir);
  const files: NativeFile[] = [];
  for (const pkg of packages) files.push(...(await nativeFilesOf(pkg)));
  return { externals, packages, files };
}
