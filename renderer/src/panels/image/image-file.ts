import type { InitImage } from "../../store/image-slice";

export const ACCEPTED_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
const MAX_BYTES = 30 * 1024 * 1024;

export function isAcceptedImageType(type: string): boolean {
  return (ACCEPTED_IMAGE_TYPES as readonly string[]).includes(type);
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === "string" ? resolve(reader.result) : reject(new Error("The file could not be read.")));
    reader.onerror = () => reject(new Error("The file could not be read."));
    reader.readAsDataURL(blob);
  });
}

/** The natural size of an image, by decoding it. */
export async function imageSize(dataUrl: string): Promise<{ width: number; height: number }> {
  const image = new Image();
  image.src = dataUrl;
  try {
    await image.decode();
  } catch {
    throw new Error("That file is not an image Atelier can read.");
  }
  return { width: image.naturalWidth, height: image.naturalHeight };
}

/** Reads a picked or dropped file as an init image; refuses anything but PNG, JPEG and WebP, in words. */
export async function readInitImage(file: File): Promise<InitImage> {
  if (!isAcceptedImageType(file.type)) throw new Error(`“${file.name}” is not a PNG, JPEG or WebP image.`);
  if (file.size > MAX_BYTES) throw new Error(`“${file.name}” is larger than 30 MB.`);
  const dataUrl = await readAsDataUrl(file);
  const { width, height } = await imageSize(dataUrl);
  return { dataUrl, width, height, name: file.name };
}
