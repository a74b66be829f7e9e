import { readdir, readFile } from "node:fs/promises";

export interface FoundProcess {
  pid: number;
  /** Its command line, one entry per argument. */
  argv: string[];
}

/**
 * Every process (of this user, on Linux) whose environment holds `entry` exactly, e.g.
 * `TMPDIR=/tmp/run-1`: set it for one run and this finds all the run's descendants,
 * whatever they were started as, even after their parents are gone.
 */
export async function processesWithEnvironment(entry: string): Promise<FoundProcess[]> {
  const found: FoundProcess[] = [];
  for (const name of await readdir("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    // A process may end, or belong to someone else, between the listing and the read.
    const environment = await readFile(`/proc/${pid}/environ`, "utf8").catch(() => "");
    if (!environment.split("\0").includes(entry)) continue;
    const argv = (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).split("\0").filter(Boolean);
    // A zombie has no command line: it has exited, only its parent has not collected it yet.
    if (argv.length > 0) found.push({ pid, argv });
  }
  return found;
}
