// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a build script in plain JavaScript, without types
import { reachable, staffMsgids } from "../scripts/compile-catalogs.mjs";

const src = join(__dirname, "..", "src");

describe("the back office's catalog", () => {
  it("follows the back office's imports to the shared modules it uses", () => {
    const files = reachable(join(src, "staff", "main.tsx")) as Set<string>;
    expect(files).toContain(join(src, "help-labels.ts"));
    expect(files).toContain(join(src, "staff", "coordination", "reports.tsx"));
    expect(files).not.toContain(join(src, "views", "help.tsx"));
  });

  it("holds the resident app's names for help categories the coordinator sees", () => {
    const ids = staffMsgids() as Set<string>;
    expect(ids).toContain("Go with me to an appointment");
    expect(ids).toContain("Waiting for a volunteer");
  });
});
