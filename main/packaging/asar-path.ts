/**
 * Where a file that electron-builder unpacked from the asar archive really is: a path that
 * a package computed from its own location (`…/resources/app.asar/node_modules/…`) points
 * into the archive, but a program can only be spawned from `app.asar.unpacked`. Paths
 * outside an archive are returned as they are.
 */
export function unpackedAsarPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, "$1app.asar.unpacked$2");
}
