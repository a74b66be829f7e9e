import { open, readdir } from "node:fs/promises";
import path from "node:path";
import type { InstalledPackage } from "./package-closure";

export type NativeKind = "node-addon" | "elf" | "mach-o" | "pe" | "executable";

export interface NativeFile {
  /** The package the file belongs to. */
  packageName: string;
  /** Absolute path. */
  file: string;
  kind: NativeKind;
}

const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
/** 32/64-bit, both byte orders, and universal ("fat") binaries. */
const MACH_O = ["feedface", "cefaedfe", "feedfacf", "cffaedfe", "cafebabe", "bebafeca"].map((hex) => Buffer.from(hex, "hex"));
const PE = Buffer.from("MZ");
const EXECUTE_BITS = 0o111;
/** Enough of a file to tell a script (its `#!` line) or binary data (a NUL byte) from text. */
const HEAD_BYTES = 4096;

/**
 * The files in `pkg` that cannot run from inside an asar archive: `.node` addons, shared
 * libraries and programs (ELF, Mach-O or PE, whatever their name), and other executables:
 * binary data, or scripts for an interpreter other than Node (a shell cannot run a script
 * inside the archive either). Executable-marked JavaScript and text are not native. Nested
 * `node_modules` are left to their own packages.
 */
export async function nativeFilesOf(pkg: InstalledPackage): Promise<NativeFile[]> {
  const entries = await readdir(pkg.dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(pkg.dir, file).split(path.sep).includes("node_modules"));
  const found: NativeFile[] = [];
  for (const file of files.sort()) {
    const kind = await nativeKindOf(file);
    if (kind !== undefined) found.push({ packageName: pkg.name, file, kind });
  }
  return found;
}

export async function nativeKindOf(file: string): Promise<NativeKind | undefined> {
  if (file.endsWith(".node")) return "node-addon";
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (startsWith(head, ELF)) return "elf";
    if (MACH_O.some((signature) => startsWith(head, signature))) return "mach-o";
    if (startsWith(head, PE)) return "pe";
    const { mode } = await handle.stat();
    if ((mode & EXECUTE_BITS) === 0) return undefined;
    return head.includes(0) || isNonNodeScript(head) ? "executable" : undefined;
  } finally {
    await handle.close();
  }
}

function isNonNodeScript(head: Buffer): boolean {
  if (!startsWith(head, Buffer.from("#!"))) return false;
  const interpreter = head.toString("latin1", 2, head.indexOf(0x0a) === -1 ? head.length : head.indexOf(0x0a));
  return !/\bnode\b/.test(interpreter);
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}
