import { isAbsolute, resolve } from "node:path";

export interface DesktopArgs {
  /** Absolute data directory from `--data-dir DIR` (or `--data-dir=DIR`); undefined means userData. */
  dataDir: string | undefined;
}

const DATA_DIR_FLAG = "--data-dir";

/**
 * Reads the desktop app's own flags from the full argv. Electron and Playwright add
 * switches of their own, so unknown arguments are ignored rather than refused.
 */
export function parseDesktopArgs(argv: readonly string[], cwd: string): DesktopArgs {
  let dataDir: string | undefined;
  argv.forEach((arg, index) => {
    if (arg === DATA_DIR_FLAG) dataDir = requireValue(argv[index + 1]);
    else if (arg.startsWith(`${DATA_DIR_FLAG}=`)) dataDir = requireValue(arg.slice(DATA_DIR_FLAG.length + 1));
  });
  return { dataDir: dataDir === undefined ? undefined : toAbsolute(dataDir, cwd) };
}

function requireValue(value: string | undefined): string {
  if (value === undefined || value.trim() === "" || value.startsWith("--")) {
    throw new Error(`${DATA_DIR_FLAG} needs a directory, e.g. ${DATA_DIR_FLAG} ./atelier-data`);
  }
  return value;
}

function toAbsolute(dir: string, cwd: string): string {
  return isAbsolute(dir) ? dir : resolve(cwd, dir);
}
