// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { caseNumber } from "../src/reference";

const registered = { state: "registered", zaak_identificatie: "WLK-0f1e2d3c4b5a69788796a5b4c3d2e1f0", registered_at: "2026-12-01T10:00:00Z" };

describe("caseNumber", () => {
  it("shows the short reference, not the long zaak identificatie", () => {
    const shown = caseNumber({ reference: "K7Q2-9MXA", registration: registered });
    expect(shown).toContain("K7Q2-9MXA");
    expect(shown).not.toContain("WLK-");
  });

  it("isolates it, so right-to-left text cannot reorder its groups", () => {
    expect(caseNumber({ reference: "K7Q2-9MXA", registration: registered })).toBe("\u2068K7Q2-9MXA\u2069");
  });

  it("falls back to the long identificatie in a response cached before references, else nothing", () => {
    expect(caseNumber({ registration: registered })).toBe("\u2068WLK-0f1e2d3c4b5a69788796a5b4c3d2e1f0\u2069");
    expect(caseNumber({ registration: { state: "pending", zaak_identificatie: null, registered_at: null } })).toBe("");
  });
});
