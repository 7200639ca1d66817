// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { fitWithin, MAX_SIDE, QUALITY, shrinkPhoto } from "../src/photo";

describe("fitWithin", () => {
  it("scales the longest side down to the maximum, keeping the proportions", () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 2000, height: 1500 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1500, height: 2000 });
    expect(fitWithin(1200, 900)).toEqual({ width: 1200, height: 900 }); // never enlarged
    expect(fitWithin(9000, 10)).toEqual({ width: 2000, height: 2 });
    expect(fitWithin(100000, 1)).toEqual({ width: 2000, height: 1 });
  });
});

/** A decoded photo of this size, and a canvas that records what is drawn and encoded. */
function fakeBrowser(width: number, height: number, encodedBytes: number) {
  const drawn: { width: number; height: number; type?: string; quality?: unknown; fill?: string }[] = [];
  const bitmap = { width, height, close: vi.fn() };
  vi.stubGlobal("createImageBitmap", vi.fn(async () => bitmap));
  const create = document.createElement.bind(document);
  vi.spyOn(document, "createElement").mockImplementation(((tag: string) => {
    if (tag !== "canvas") return create(tag);
    const canvas = { width: 0, height: 0 } as HTMLCanvasElement;
    const record = { width: 0, height: 0 } as (typeof drawn)[number];
    const context = {
      fillStyle: "",
      imageSmoothingQuality: "",
      fillRect: () => (record.fill = context.fillStyle),
      drawImage: (_: unknown, _x: number, _y: number, w: number, h: number) => Object.assign(record, { width: w, height: h }),
    };
    canvas.getContext = (() => context) as unknown as HTMLCanvasElement["getContext"];
    canvas.toBlob = (done: BlobCallback, type?: string, quality?: unknown) => {
      Object.assign(record, { type, quality });
      drawn.push(record);
      done(new Blob([new Uint8Array(encodedBytes)], { type }));
    };
    return canvas;
  }) as typeof document.createElement);
  return { drawn, bitmap };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("shrinkPhoto", () => {
  it("sends a large photo as a JPEG of at most 2000 pixels on its longest side", async () => {
    const { drawn, bitmap } = fakeBrowser(4032, 3024, 400_000);
    const photo = new File([new Uint8Array(500_000)], "IMG_0001.HEIC.png", { type: "image/png" });
    const sent = await shrinkPhoto(photo);
    expect(drawn).toEqual([{ width: MAX_SIDE, height: 1500, type: "image/jpeg", quality: QUALITY, fill: "#ffffff" }]);
    expect(sent.type).toBe("image/jpeg");
    expect(sent.name).toBe("IMG_0001.HEIC.jpg");
    expect(sent.size).toBe(400_000);
    expect(bitmap.close).toHaveBeenCalled();
    expect(createImageBitmap).toHaveBeenCalledWith(photo, { imageOrientation: "from-image" });
  });

  it("keeps a small photo as it is when a JPEG would not be smaller", async () => {
    fakeBrowser(800, 600, 90_000);
    const photo = new File([new Uint8Array(60_000)], "letter.jpg", { type: "image/jpeg" });
    expect(await shrinkPhoto(photo)).toBe(photo);
  });

  it("re-encodes a small photo when that makes it smaller", async () => {
    fakeBrowser(800, 600, 90_000);
    const photo = new File([new Uint8Array(200_000)], "scan.png", { type: "image/png" });
    const sent = await shrinkPhoto(photo);
    expect(sent.name).toBe("scan.jpg");
    expect(sent.size).toBe(90_000);
  });

  it("never touches a PDF", async () => {
    const { drawn } = fakeBrowser(4000, 3000, 1);
    const pdf = new File(["%PDF-1.7"], "brief.pdf", { type: "application/pdf" });
    expect(await shrinkPhoto(pdf)).toBe(pdf);
    expect(createImageBitmap).not.toHaveBeenCalled();
    expect(drawn).toEqual([]);
  });

  it("sends an image the browser cannot decode (HEIC) as it is", async () => {
    vi.stubGlobal("createImageBitmap", vi.fn(async () => Promise.reject(new DOMException("bad", "InvalidStateError"))));
    const heic = new File([new Uint8Array(300_000)], "IMG_0002.HEIC", { type: "image/heic" });
    expect(await shrinkPhoto(heic)).toBe(heic);
  });
});
