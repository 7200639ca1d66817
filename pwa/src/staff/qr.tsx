// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** A QR code drawn as SVG (the matrix from `uqr`), sharp in print at any size. */
import { encode } from "uqr";

/** Modules of white around the code, as the QR standard asks (the "quiet zone"). */
const QUIET = 4;

/** One path of unit squares for the dark modules, offset by the quiet zone. */
export function qrPath(text: string): { path: string; size: number } {
  const { data, size } = encode(text, { ecc: "M", border: 0 });
  let path = "";
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
    }),
  );
  return { path, size: size + 2 * QUIET };
}

/** Decorative next to the code in text (which a screen reader reads): hidden from assistive tech. */
export function QrCode({ text, class: className }: { text: string; class?: string }) {
  const { path, size } = qrPath(text);
  return (
    <svg class={className} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false" shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
