import sharp from "sharp";
import type { RgbImage } from "../image-codec";

/** Finished-frame previews are at most this many pixels on their long side: a few kilobytes each. */
const PREVIEW_SIDE = 128;

/** A finished frame, scaled down to fit 128×128, as a PNG data: URL. */
export async function framePreviewDataUrl(image: RgbImage): Promise<string> {
  const png = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(PREVIEW_SIDE, PREVIEW_SIDE, { fit: "inside", withoutEnlargement: true })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}
