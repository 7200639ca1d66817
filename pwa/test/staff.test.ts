// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { parseRoute } from "../src/staff/app";
import { KeyPerBody, inputFor, pagePath } from "../src/staff/forms";
import { colleagueLabel } from "../src/staff/records/audit-log";
import { dimensionValue, reportCsvPath } from "../src/staff/records/reports";
import { type Conversation, inboxOrder } from "../src/staff/inbox";
import { workingDaysBetween } from "../src/staff/labels";

const ID = "0b9f2c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d";

function conversation(id: string, answered: boolean): Conversation {
  return {
    assigned_to: null,
    first_answered_at: answered ? "2026-03-02T10:00:00Z" : null,
    messages: [],
    question: {
      created_at: "2026-03-01T10:00:00Z",
      id,
      language: "ar",
      reference: "K7Q2-9MXA",
      registration: { registered_at: null, state: null, zaak_identificatie: null },
      text: "?",
    },
    resident_id: ID,
    version: 0,
    waiting_for: "municipality",
  };
}

describe("back office routes", () => {
  it("names the views by their hash", () => {
    expect(parseRoute("")).toEqual({ view: "inbox" });
    expect(parseRoute("#/")).toEqual({ view: "inbox" });
    expect(parseRoute(`#/conversations/${ID}`)).toEqual({ view: "conversation", id: ID });
    expect(parseRoute("#/residents")).toEqual({ view: "residents" });
    expect(parseRoute(`#/residents/${ID}`)).toEqual({ view: "resident", id: ID });
    expect(parseRoute(`#/residents/${ID}/letter`)).toEqual({ view: "letter", id: ID });
    expect(parseRoute("#/conversations/not-an-id")).toEqual({ view: "inbox" });
  });
});

describe("inbox order", () => {
  it("puts unanswered questions first and keeps the API's oldest-first order within each group", () => {
    const order = inboxOrder([conversation("a", true), conversation("b", false), conversation("c", true), conversation("d", false)]);
    expect(order.map((c) => c.question.id)).toEqual(["b", "d", "a", "c"]);
  });
});

describe("working days", () => {
  it("counts Monday to Friday only", () => {
    // Friday 6 March 2026 to Monday 9 March: one working day; to Friday 13 March: five.
    expect(workingDaysBetween(new Date(2026, 2, 6, 9), new Date(2026, 2, 9, 8))).toBe(1);
    expect(workingDaysBetween(new Date(2026, 2, 6, 9), new Date(2026, 2, 13, 17))).toBe(5);
    expect(workingDaysBetween(new Date(2026, 2, 7, 9), new Date(2026, 2, 8, 9))).toBe(0);
    expect(workingDaysBetween(new Date(2026, 2, 9, 9), new Date(2026, 2, 9, 17))).toBe(0);
  });
});

describe("lists", () => {
  it("ask for a page with the list's own filters kept", () => {
    expect(pagePath("/api/v1/admin/residents", 50)).toBe("/api/v1/admin/residents?limit=50");
    expect(pagePath("/api/v1/admin/volunteers?state=vetted", 20, "abc")).toBe("/api/v1/admin/volunteers?state=vetted&limit=20&cursor=abc");
  });
});

describe("records", () => {
  it("downloads the CSV of the report and period shown", () => {
    expect(reportCsvPath("help-requests", new URLSearchParams({ from: "2026-01", to: "2026-03" }))).toBe(
      "/api/v1/admin/reports/help-requests?from=2026-01&to=2026-03&format=csv",
    );
    expect(reportCsvPath("journey", new URLSearchParams())).toBe("/api/v1/admin/reports/journey?format=csv");
  });

  it("names a journey step by its template's title, and by its key without one", () => {
    expect(dimensionValue("step", "brp_registration", { brp_registration: "Inschrijving in de BRP" })).toBe("Inschrijving in de BRP");
    expect(dimensionValue("step", "civic_integration", {})).toBe("civic integration");
    expect(dimensionValue("step", "housing", null)).toBe("housing");
  });

  it("names a colleague in the audit filter with their roles", () => {
    expect(colleagueLabel({ account_id: ID, name: "Sanne", roles: [] })).toBe("Sanne");
    expect(colleagueLabel({ account_id: ID, name: "Sanne", roles: ["caseworker"] })).toMatch(/^Sanne \(.+\)$/);
  });
});

describe("forms", () => {
  it("reuses the idempotency key for a retry of the same body only", () => {
    const keys = new KeyPerBody();
    const first = keys.for({ text: "a" });
    expect(keys.for({ text: "a" })).toBe(first);
    const second = keys.for({ text: "b" });
    expect(second).not.toBe(first);
    keys.reset();
    expect(keys.for({ text: "b" })).not.toBe(second);
  });

  it("maps a problem's field to its input", () => {
    const input = inputFor(["text", "language"] as const);
    expect(input("text")).toBe("text");
    expect(input("$.language")).toBe("language");
    expect(input("body.text")).toBe("text");
    expect(input("then_waiting_for")).toBeNull();
    expect(input(undefined)).toBeNull();
  });
});
