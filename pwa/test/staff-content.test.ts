// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { changedFields } from "../src/staff/content/items";
import { fieldOrder } from "../src/staff/content/labels";
import { languageHash, parseContentRoute } from "../src/staff/content/routes";

const ID = "0b9f2c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d";

describe("content routes", () => {
  it("names the editor's and the reviewer's views", () => {
    expect(parseContentRoute("#/content")).toEqual({ view: "items" });
    expect(parseContentRoute(`#/content/items/${ID}`)).toEqual({ view: "item", id: ID });
    expect(parseContentRoute("#/content/places")).toEqual({ view: "places" });
    expect(parseContentRoute("#/translations")).toEqual({ view: "languages" });
    expect(parseContentRoute("#/translations/ti/journey")).toEqual({ view: "language", language: "ti", kind: "journey", status: "all" });
    expect(parseContentRoute("#/translations/ar?status=outdated")).toEqual({ view: "language", language: "ar", kind: "services", status: "outdated" });
  });

  it("leaves other hashes, unknown languages and Dutch (the source) alone", () => {
    for (const hash of ["#/", "#/residents", "#/translations/xx", "#/translations/nl", "#/content/items/nope"]) {
      expect(parseContentRoute(hash)).toBeNull();
    }
    expect(parseContentRoute("#/translations/ar?status=bogus")).toMatchObject({ status: "all" });
  });

  it("builds the hash it parses", () => {
    for (const [language, kind, status] of [["ar", "services", "all"], ["uk", "consent", "all"], ["ti", "services", "missing"]] as const) {
      expect(parseContentRoute(languageHash(language, kind, status))).toEqual({ view: "language", language, kind, status });
    }
  });
});

describe("content texts", () => {
  it("orders fields as an item reads", () => {
    const fields = ["title", "link.1", "summary", "body", "link.0"].sort((a, b) => fieldOrder(a) - fieldOrder(b));
    expect(fields).toEqual(["title", "summary", "body", "link.0", "link.1"]);
  });

  it("says which fields another version changed", () => {
    const before = { title: "A", summary: "B", body: "C" };
    expect(changedFields(before, { ...before, body: "D" })).toEqual(["body"]);
    expect(changedFields(before, before)).toEqual([]);
  });
});
