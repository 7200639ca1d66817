// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { parseRoute } from "../src/staff/app";
import { colleagueLabel } from "../src/staff/colleagues";
import { fieldGroupLabel, isOverdue, localToday, registeredBody, stepBody } from "../src/staff/file";
import { intakeBody } from "../src/staff/intake";
import { changedFields, mergeFields } from "../src/staff/merge";
import { signalLink } from "../src/staff/signals";

const ID = "0b9f2c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d";
const FIELDS = ["assigned", "waiting_for", "needs_interpreter"] as const;

describe("field-by-field merge after a 412", () => {
  const base = { assigned: "", waiting_for: "municipality", needs_interpreter: "no" };

  it("applies what only the user changed and keeps what only the colleague changed", () => {
    const mine = { ...base, needs_interpreter: "yes" };
    const theirs = { ...base, assigned: "a-colleague" };
    const merged = mergeFields(FIELDS, base, mine, theirs);
    expect(merged.draft).toEqual({ assigned: "a-colleague", waiting_for: "municipality", needs_interpreter: "yes" });
    expect(merged.applied).toEqual(["needs_interpreter"]);
    expect(merged.conflicts).toEqual([]);
    expect(changedFields(FIELDS, theirs, merged.draft)).toEqual(["needs_interpreter"]);
  });

  it("makes a field both changed differently a conflict, the user's value kept until they choose", () => {
    const mine = { ...base, waiting_for: "resident" };
    const theirs = { ...base, waiting_for: "other_party" };
    const merged = mergeFields(FIELDS, base, mine, theirs);
    expect(merged.conflicts).toEqual([{ field: "waiting_for", mine: "resident", theirs: "other_party" }]);
    expect(merged.draft.waiting_for).toBe("resident");
    expect(merged.applied).toEqual([]);
  });

  it("sees no conflict where both made the same change, or the user changed nothing", () => {
    const same = { ...base, waiting_for: "nobody" };
    expect(mergeFields(FIELDS, base, same, same)).toEqual({ draft: same, applied: [], conflicts: [] });
    const theirs = { ...base, assigned: "x", waiting_for: "resident" };
    expect(mergeFields(FIELDS, base, base, theirs)).toEqual({ draft: theirs, applied: [], conflicts: [] });
  });
});

describe("the resident's file", () => {
  it("marks a step overdue when due before today and not finished", () => {
    expect(isOverdue({ due_date: "2026-03-01", status: "in_progress" }, "2026-03-02")).toBe(true);
    expect(isOverdue({ due_date: "2026-03-02", status: "in_progress" }, "2026-03-02")).toBe(false);
    expect(isOverdue({ due_date: "2026-03-01", status: "done" }, "2026-03-02")).toBe(false);
    expect(isOverdue({ due_date: "2026-03-01", status: "not_applicable" }, "2026-03-02")).toBe(false);
    expect(isOverdue({ due_date: null, status: "not_started" }, "2026-03-02")).toBe(false);
  });

  it("counts today in the browser's calendar", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });
});

describe("correcting registered data", () => {
  const saved = {
    registered_name: "Amira Haddad",
    registered_name_source: "BRP",
    bsn: "",
    bsn_source: "",
    v_number: "1234567890",
    v_number_source: "IND",
    legal_basis: "Wet BRP art. 2.1",
  };

  it("sends the legal basis and what changed, a value with its source, an emptied value as null", () => {
    const draft = { ...saved, bsn: "111222333", bsn_source: "BRP", v_number: "" };
    expect(registeredBody(saved, draft)).toEqual({
      legal_basis: "Wet BRP art. 2.1",
      bsn: "111222333",
      bsn_source: "BRP",
      v_number: null, // the API clears its source with it
    });
  });

  it("sends an unchanged source again with a corrected value, as the API requires", () => {
    const draft = { ...saved, registered_name: "Amira Al-Haddad" };
    expect(registeredBody(saved, draft)).toEqual({
      legal_basis: "Wet BRP art. 2.1",
      registered_name: "Amira Al-Haddad",
      registered_name_source: "BRP",
    });
  });

  it("changes a journey step by what changed, an emptied due date or note as null", () => {
    const saved = { status: "not_started", due_date: "2026-12-24", next_actor: "other", next_actor_name: "Woningcorporatie", zaak_identificatie: "", note: "" };
    expect(stepBody(saved, { ...saved, status: "done", due_date: "" })).toEqual({ status: "done", due_date: null });
    expect(stepBody(saved, { ...saved, note: "  Bel ons.  " })).toEqual({ note: "Bel ons." });
    expect(stepBody(saved, saved)).toEqual({});
    // Who acts next and the case reference: "" (not set) as null.
    expect(stepBody(saved, { ...saved, next_actor: "", next_actor_name: "", zaak_identificatie: " Z-2026-7 " })).toEqual({
      next_actor: null,
      next_actor_name: null,
      zaak_identificatie: "Z-2026-7",
    });
  });

  it("names the processing log's field groups in words", () => {
    expect(fieldGroupLabel("registered_data")).not.toBe("registered_data");
    expect(fieldGroupLabel("access_log")).not.toBe("access_log");
    expect(fieldGroupLabel("something-new")).toBe("something-new");
  });
});

describe("colleagues to choose from", () => {
  it("marks the signed-in caseworker and names a colleague without a name", () => {
    expect(colleagueLabel({ account_id: "me", name: "Sanne" }, "me")).toBe("Sanne (me)");
    expect(colleagueLabel({ account_id: "them", name: "Daan" }, "me")).toBe("Daan");
    expect(colleagueLabel({ account_id: "them", name: null }, "me")).toBe("A colleague");
  });
});

describe("intake", () => {
  it("is routed at #/residents/new, not taken for a resident id", () => {
    expect(parseRoute("#/residents/new")).toEqual({ view: "intake" });
    expect(parseRoute(`#/residents/${ID}`)).toEqual({ view: "resident", id: ID });
  });

  it("sends only the optional fields that were filled in", () => {
    const body = intakeBody({
      preferred_name: "Hana",
      full_name: "  ",
      preferred_language: "ti",
      phone: " +31 6 1234 5678 ",
      email: "",
      arrival_date: "2026-02-01",
    });
    expect(body).toEqual({
      preferred_name: "Hana",
      preferred_language: "ti",
      become_caseworker: true,
      phone: "+31 6 1234 5678",
      arrival_date: "2026-02-01",
    });
  });
});

describe("signals", () => {
  it("lead to the conversation or to the resident's file", () => {
    expect(signalLink({ kind: "unanswered_question", subject_id: "q", resident_id: "r" })).toBe("#/conversations/q");
    expect(signalLink({ kind: "stalled_journey_step", subject_id: "s", resident_id: "r" })).toBe("#/residents/r");
    expect(signalLink({ kind: "failed_registration", subject_id: "s", resident_id: "r" })).toBe("#/residents/r");
  });
});
