// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { qrPath } from "../src/staff/qr";

describe("activation letter QR code", () => {
  it("draws the three finder patterns inside a quiet zone of four modules", () => {
    const { path, size } = qrPath("welkom:activate?code=320AZVPH7Z6GTXRVE8ZV");
    // 41 bytes at level M need version 3 (29 modules); plus 4 modules of white each side.
    expect(size).toBe(29 + 8);
    const dark = new Set([...path.matchAll(/M(\d+) (\d+)/g)].map((m) => `${m[1]},${m[2]}`));
    // The top-left finder's outer ring starts at the quiet zone's edge; (3,3) is white.
    expect(dark.has("4,4")).toBe(true);
    expect(dark.has("3,3")).toBe(false);
    expect(dark.has(`${size - 5},4`)).toBe(true); // top-right finder
    expect(dark.has(`4,${size - 5}`)).toBe(true); // bottom-left finder
    expect(dark.has(`${size - 5},${size - 5}`)).toBe(false); // no finder bottom-right
  });

  it("encodes different payloads differently", () => {
    expect(qrPath("welkom:activate?code=A").path).not.toBe(qrPath("welkom:activate?code=B").path);
  });
});
