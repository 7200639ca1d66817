// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Photos are made smaller on the phone before they are sent: a phone camera's 12-50 megapixels
 * take minutes on a slow connection and add nothing to a letter's readability. The longest side
 * becomes at most {@link MAX_SIDE} pixels (an A4 page at about 170 dpi: small print stays
 * readable), as JPEG at quality {@link QUALITY}. PDFs, and images the browser cannot decode
 * (HEIC in most browsers), are sent as they are; the server accepts those too.
 */

export const MAX_SIDE = 2000;
export const QUALITY = 0.85;

/** The size of an image scaled so that its longest side is at most `max` (never enlarged). */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The photo to send: scaled down and re-encoded as JPEG, or the file itself where that does not help. */
export async function shrinkPhoto(file: File): Promise<File> {
  if (!file.type.startsWith("image/")) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file; // a format this browser cannot read: the server checks it
  }
  const { width, height } = fitWithin(bitmap.width, bitmap.height);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) {
    bitmap.close();
    return file;
  }
  // A transparent PNG would turn black in a JPEG: paper is white.
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, width, height);
  const scaled = width < bitmap.width;
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", QUALITY));
  // Already small and no smaller as JPEG: the original is the better copy.
  if (!blob || (!scaled && blob.size >= file.size)) return file;
  const name = `${(file.name || "photo").replace(/\.[^./]*$/, "")}.jpg`;
  return new File([blob], name, { type: "image/jpeg", lastModified: file.lastModified });
}
