// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { formErrors } from "../src/api";

const inputFor = (field: string | undefined) => {
  const name = (field ?? "").replace(/^\$?\.?/, "").split(".").pop() ?? "";
  return ["name", "postcode"].includes(name) ? (name as "name" | "postcode") : null;
};

describe("formErrors", () => {
  it("puts the first error of each input at that input and the rest in one message", () => {
    const [found, message] = formErrors(
      {
        title: "Invalid input",
        detail: "Check the marked fields.",
        errors: [
          { field: "$.name", message: "Required." },
          { field: "address.postcode", message: "Not a postcode." },
          { field: "name", message: "Too long." },
          { field: "language", message: "Not offered." },
          { message: "Something else." },
        ],
      },
      inputFor,
    );
    expect(found).toEqual({ name: "Required.", postcode: "Not a postcode." });
    expect(message).toBe("Check the marked fields. Too long. Not offered. Something else.");
  });

  it("falls back to the title when there is no detail, and to nothing at all", () => {
    expect(formErrors({ title: "Conflict" }, inputFor)).toEqual([{}, "Conflict"]);
    expect(formErrors({}, inputFor)).toEqual([{}, ""]);
  });
});
