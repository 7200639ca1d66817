// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { ageingPath, candidatesFor, type HelpRequest } from "../src/staff/coordination/help-requests";
import { ageText, canReassign } from "../src/staff/coordination/labels";
import { parseCoordinatorRoute } from "../src/staff/coordination/section";
import type { Volunteer } from "../src/staff/coordination/volunteers";
import { auditQuery, NO_FILTERS } from "../src/staff/records/audit-log";
import { bars } from "../src/staff/records/chart";
import { registerReason } from "../src/staff/records/registrations";
import { parseRecordsRoute } from "../src/staff/records/section";

const ID = "0b9f2c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d";

function volunteer(id: string, state: string, languages: string[]): Volunteer {
  return {
    account_id: id,
    areas: [],
    availability: [],
    display_name: id,
    id,
    languages,
    open_claims: 0,
    organisation: null,
    skills: [],
    suspension_reason: null,
    updated_at: "2026-03-01T10:00:00Z",
    vetting: { state, vetted_at: null, vog_date: null, suspended_at: null },
  };
}

const request: HelpRequest = {
  age_hours: 3,
  category: "bike",
  claimed_at: null,
  closed_at: null,
  created_at: "2026-03-01T10:00:00Z",
  id: ID,
  language: "ar",
  neighbourhood: "Centrum",
  rating: null,
  reports: 0,
  state: "claimed",
  volunteer_id: "holder",
  volunteer_name: "Holder",
  wanted_from: "2026-03-02T10:00:00Z",
  wanted_until: "2026-03-03T10:00:00Z",
};

describe("coordinator and records routes", () => {
  it("parses each section's hashes and leaves the others alone", () => {
    expect(parseCoordinatorRoute("#/volunteers")).toEqual({ view: "volunteers" });
    expect(parseCoordinatorRoute(`#/volunteers/${ID}`)).toEqual({ view: "volunteer", id: ID });
    expect(parseCoordinatorRoute("#/help-reports")).toEqual({ view: "help-reports" });
    expect(parseCoordinatorRoute("#/help-requests")).toEqual({ view: "help-requests" });
    expect(parseCoordinatorRoute("#/")).toBeNull();
    expect(parseCoordinatorRoute("#/records")).toBeNull();
    expect(parseRecordsRoute("#/records")).toEqual({ view: "registrations" });
    expect(parseRecordsRoute("#/records/audit")).toEqual({ view: "audit" });
    expect(parseRecordsRoute(`#/records/erasure/${ID}`)).toEqual({ view: "erasure", id: ID });
    expect(parseRecordsRoute("#/records/erasure/nope")).toBeNull();
    expect(parseRecordsRoute("#/volunteers")).toBeNull();
  });
});

describe("reassignment", () => {
  it("offers vetted volunteers who speak the language, not the one holding it", () => {
    const people = [
      volunteer("holder", "vetted", ["ar"]),
      volunteer("arabic", "vetted", ["nl", "ar"]),
      volunteer("dutch", "vetted", ["nl"]),
      volunteer("new", "unvetted", ["ar"]),
      volunteer("suspended", "suspended", ["ar"]),
    ];
    expect(candidatesFor(request, people).map((v) => v.id)).toEqual(["arabic"]);
  });

  it("only open or held requests go to someone else", () => {
    expect(["open", "claimed", "done", "cancelled", "no_show"].filter(canReassign)).toEqual(["open", "claimed"]);
  });

  it("says how long a request waited in hours, then days", () => {
    expect(ageText(5.7)).toBe("5 hours");
    expect(ageText(49)).toBe("2 days");
  });

  it("asks the ageing list for the configured time, or for a chosen one", () => {
    expect(ageingPath("")).toBe("/api/v1/admin/volunteers/help-requests/ageing?limit=50");
    expect(ageingPath("168")).toBe("/api/v1/admin/volunteers/help-requests/ageing?limit=50&older_than_hours=168");
  });
});

describe("the register's reason", () => {
  it("reads the register's problem: status, detail, and each field with why", () => {
    const reason = registerReason({
      last_error: "PermanentDeliveryError: {…}",
      problem: {
        status: 400,
        title: "Invalid input.",
        detail: "Het zaaktype is een concept.",
        invalidParams: [{ name: "zaaktype", code: "zaaktype-concept", reason: "Zaaktype is een concept." }],
      },
    });
    expect(reason).toEqual({ summary: "400 · Het zaaktype is een concept.", fields: ["zaaktype: Zaaktype is een concept."] });
  });

  it("falls back to the last error when the register sent no problem", () => {
    expect(registerReason({ last_error: "PermanentDeliveryError: StorageError: gone", problem: null })).toEqual({
      summary: "PermanentDeliveryError: StorageError: gone",
      fields: [],
    });
  });
});

describe("audit log filters", () => {
  it("sends only the filters given; a day runs from its start to the next day's", () => {
    expect(auditQuery(NO_FILTERS)).toBe("/api/v1/admin/audit-events?limit=50");
    const query = new URL(
      auditQuery({ resident_id: ` ${ID} `, actor_account_id: "", since: "2026-03-01", until: "2026-03-02" }, "c1"),
      "http://x",
    ).searchParams;
    expect(query.get("resident_id")).toBe(ID);
    expect(query.has("actor_account_id")).toBe(false);
    expect(new Date(query.get("since")!).getTime()).toBe(new Date(2026, 2, 1).getTime());
    expect(new Date(query.get("until")!).getTime()).toBe(new Date(2026, 2, 3).getTime());
    expect(query.get("cursor")).toBe("c1");
  });
});

describe("report chart", () => {
  it("scales bars to the largest shown value and keeps suppressed ones apart, never as 0", () => {
    expect(bars(["a", "b", "c", "d"], [10, 5, null, 0])).toEqual([
      { label: "a", value: 10, percent: 100 },
      { label: "b", value: 5, percent: 50 },
      { label: "c", value: null, percent: 0 },
      { label: "d", value: 0, percent: 0 },
    ]);
    expect(bars(["x"], [null])).toEqual([{ label: "x", value: null, percent: 0 }]);
  });
});
