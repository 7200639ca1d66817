// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { finishSignOut, forgetPendingSignOut, signOut, signOutPending } from "../src/signout";

type Answer = { status: number } | "offline";
let answers: Answer[];
let calls: string[];

beforeEach(() => {
  localStorage.clear();
  answers = [];
  calls = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push(`${init.method} ${url}`);
    const answer = answers.shift() ?? { status: 204 };
    if (answer === "offline") throw new TypeError("Failed to fetch");
    return new Response(answer.status === 204 ? null : JSON.stringify({ title: "x" }), {
      status: answer.status,
    });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe("signing out", () => {
  it("ends the server session at once when online", async () => {
    expect(await signOut(false)).toBe(true);
    expect(calls).toEqual(["POST /api/v1/auth/logout"]);
    expect(signOutPending()).toBe(false);
  });

  it("offline: stays pending until the server heard it, then ends the same scope", async () => {
    answers = ["offline"];
    expect(await signOut(true)).toBe(false);
    expect(signOutPending()).toBe(true);
    answers = ["offline"];
    expect(await finishSignOut()).toBe(false);
    expect(signOutPending()).toBe(true);
    expect(await finishSignOut()).toBe(true); // back online
    expect(calls.at(-1)).toBe("POST /api/v1/auth/logout-everywhere");
    expect(signOutPending()).toBe(false);
  });

  it("a session that already ended counts as signed out; a server error does not", async () => {
    answers = [{ status: 503 }];
    expect(await signOut(false)).toBe(false);
    expect(signOutPending()).toBe(true);
    answers = [{ status: 401 }];
    expect(await finishSignOut()).toBe(true);
    expect(signOutPending()).toBe(false);
  });

  it("nothing pending: nothing is sent; a new sign-in drops an old pending sign-out", async () => {
    expect(await finishSignOut()).toBe(true);
    expect(calls).toEqual([]);
    answers = ["offline"];
    await signOut(false);
    forgetPendingSignOut();
    expect(signOutPending()).toBe(false);
  });
});
