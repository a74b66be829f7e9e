/** The bytes of a base64 data: URL as a Blob of its own type, so a large file downloads through an object URL. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(",");
  const header = comma > 0 ? dataUrl.slice(0, comma) : "";
  if (!/^data:[^,]*;base64$/.test(header)) throw new Error("The file arrived in a form Atelier cannot save.");
  const type = header.slice("data:".length, -";base64".length).split(";")[0] ?? "";
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** Reads a picked or dropped file as a data: URL. */
export function readFileAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === "string" ? resolve(reader.result) : reject(new Error("The file could not be read.")));
    reader.onerror = () => reject(new Error("The file could not be read."));
    reader.readAsDataURL(file);
  });
}
