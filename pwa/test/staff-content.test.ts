// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { changedFields } from "../src/staff/content/items";
import { fieldOrder } from "../src/staff/content/labels";
import { changedContact, contactBody, contactInputs, contactOf, contactSummary } from "../src/staff/content/item-contact";
import { changedTargets, type Choices, targetInputs, targetSummary, targetValue } from "../src/staff/content/item-places";
import { placeBody } from "../src/staff/content/place";
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

describe("the editor's new routes and place body", () => {
  const id = "0b9c2f4e-6a1d-4c3b-9e8f-1a2b3c4d5e6f";
  it("parses a new item, a new place and one place", () => {
    expect(parseContentRoute("#/content/new")).toEqual({ view: "newItem" });
    expect(parseContentRoute("#/content/places/new")).toEqual({ view: "place", id: null });
    expect(parseContentRoute(`#/content/places/${id}`)).toEqual({ view: "place", id });
    expect(parseContentRoute("#/content/places/nope")).toBeNull();
  });

  it("sends numbers as numbers, no phone as null, and the opening hours as edited", () => {
    const hours = [{ day: "1", opens: "09:00", closes: "17:00" }];
    const draft = { name: "Loket", street: "Markt", house_number: "1", postal_code: "1234 AB", city: "Welkom", latitude: "52,1", longitude: "5.2", phone: " ", accessibility: "" };
    expect(placeBody(draft, hours)).toEqual({ ...draft, latitude: 52.1, longitude: 5.2, phone: null, opening_hours: [{ day: 1, opens: "09:00", closes: "17:00" }] });
    // Text that is no number goes as is: the API refuses it at its field.
    expect(placeBody({ ...draft, latitude: "north" }, []).latitude).toBe("north");
  });
});

describe("an item's links, phone numbers and opening hours", () => {
  const item = {
    links: ["https://example.org/afval"],
    phones: ["+31 30 123 4567"],
    opening_hours: [{ day: 1, opens: "09:00", closes: "17:00" }],
    texts: { "link.0": [{ language: "nl", text: "Afvalkalender", state: "source" }] },
  } as unknown as Parameters<typeof contactOf>[0];

  it("reads the link labels from the Dutch texts and sends what the API takes", () => {
    const contact = contactOf(item);
    expect(contact.links).toEqual([{ url: "https://example.org/afval", label: "Afvalkalender" }]);
    expect(contact.opening_hours).toEqual([{ day: "1", opens: "09:00", closes: "17:00" }]);
    const changed = { ...contact, opening_hours: [...contact.opening_hours, { day: "6", opens: "10:00", closes: "12:00" }], phones: [" 030 765 4321 "] };
    expect(changedContact(contact, changed)).toEqual(["phones", "opening_hours"]);
    expect(contactBody(changed, "phones")).toEqual(["030 765 4321"]);
    expect(contactBody(changed, "opening_hours")).toEqual([
      { day: 1, opens: "09:00", closes: "17:00" },
      { day: 6, opens: "10:00", closes: "12:00" },
    ]);
    expect(contactBody(contact, "links")).toEqual([{ url: "https://example.org/afval", label: "Afvalkalender" }]);
  });

  it("names every input an API field error may point at", () => {
    const inputs = contactInputs(contactOf(item));
    for (const name of ["links[0].url", "links[0].label", "phones[0]", "opening_hours[0].opens"]) expect(inputs).toContain(name);
    expect(inputs).not.toContain("phones[1]");
  });

  it("says a contact list in one line for a conflict's choice", () => {
    const contact = contactOf(item);
    expect(contactSummary("links", contact)).toBe("Afvalkalender (https://example.org/afval)");
    expect(contactSummary("phones", { ...contact, phones: ["030 1", "030 2"] })).toBe("030 1, 030 2");
    const twice = { ...contact, opening_hours: [...contact.opening_hours, { day: "6", opens: "10:00", closes: "12:00" }] };
    expect(contactSummary("opening_hours", twice)).toMatch(/09:00–17:00; .+ 10:00–12:00$/);
  });
});

describe("an item's places and journey steps", () => {
  const choices: Choices = {
    place_ids: [{ value: ID, label: "Stadskantoor", detail: "Markt 1, 1234 AB Welkom" }],
    journey_steps: [{ value: "digid", label: "DigiD aanvragen" }],
  };

  it("compares the ticked values as a set, whatever the order they were ticked in", () => {
    const before = { place_ids: [ID, "b"], journey_steps: ["digid"] };
    expect(changedTargets(before, { place_ids: ["b", ID], journey_steps: ["digid"] })).toEqual([]);
    expect(changedTargets(before, { place_ids: [ID], journey_steps: ["digid", "housing"] })).toEqual(["place_ids", "journey_steps"]);
    expect(targetValue(["housing", "digid"])).toBe(targetValue(["digid", "housing"]));
  });

  it("names each place and step in a conflict's choice, a key no longer offered as itself", () => {
    expect(targetSummary("place_ids", [ID], choices)).toBe("Stadskantoor");
    expect(targetSummary("journey_steps", ["digid", "housing"], choices)).toBe("DigiD aanvragen; housing");
  });

  it("names every input an API field error may point at", () => {
    expect(targetInputs({ place_ids: [ID], journey_steps: ["digid", "housing"] })).toEqual([
      "place_ids",
      "place_ids[0]",
      "journey_steps",
      "journey_steps[0]",
      "journey_steps[1]",
    ]);
  });
});
