import { readFile } from "node:fs/promises";
import path from "node:path";
import { init, type ModuleInfos } from "license-checker-rseidelsohn";

export interface PackageNotice {
  name: string;
  version: string;
  /** SPDX expression, or what the package says. */
  license: string;
  repository?: string;
  /** The license text the package ships, if any. */
  licenseText?: string;
}

/** license-checker picks a README when a package has no license file; from a README only its License section counts. */
const LICENSE_FILE = /^(licen[cs]e|copying|notice|unlicense)/i;

/**
 * Every package in `projectDir`'s production dependency tree as installed (dependencies,
 * their dependencies, and the optional platform packages present), with its license text.
 */
export async function productionPackages(projectDir: string): Promise<PackageNotice[]> {
  const infos = await new Promise<ModuleInfos>((resolve, reject) =>
    init({ start: projectDir, production: true, excludePrivatePackages: true }, (error, result) => (error ? reject(error) : resolve(result))),
  );
  const notices: PackageNotice[] = [];
  for (const [key, info] of Object.entries(infos)) {
    const at = key.lastIndexOf("@");
    const licenseText = info.licenseFile ? await licenseTextOf(info.licenseFile) : undefined;
    notices.push({
      name: info.name ?? key.slice(0, at),
      version: info.version ?? key.slice(at + 1),
      license: await declaredLicense(info.licenses, info.path),
      ...(info.repository ? { repository: info.repository } : {}),
      ...(licenseText ? { licenseText } : {}),
    });
  }
  return notices.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** license-checker's SPDX reading; where it has none, what the package.json says (e.g. "GPLv3"). */
async function declaredLicense(licenses: string | string[] | undefined, dir: string | undefined): Promise<string> {
  const spdx = [licenses ?? "UNKNOWN"].flat().join(" AND ");
  if (spdx !== "UNKNOWN" || dir === undefined) return spdx;
  const manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as { license?: unknown };
  return typeof manifest.license === "string" ? manifest.license : spdx;
}

async function licenseTextOf(file: string): Promise<string | undefined> {
  const text = await readFile(file, "utf8");
  if (LICENSE_FILE.test(path.basename(file))) return text.trim();
  return licenseSection(text);
}

/** The "License"/"Licensing" section of a Markdown README, heading included, up to the next heading of its level or above. */
export function licenseSection(markdown: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => /^#{1,6}\s+licen[cs]/i.test(line));
  if (start === -1) return undefined;
  const level = /^#+/.exec(lines[start] ?? "")?.[0].length ?? 1;
  const end = lines.findIndex((line, index) => index > start && new RegExp(`^#{1,${level}}\\s`).test(line));
  const section = lines.slice(start, end === -1 ? undefined : end).join("\n").trim();
  return section.split("\n").length > 1 ? section : undefined;
}
