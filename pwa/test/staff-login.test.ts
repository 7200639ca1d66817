// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { afterEach, describe, expect, it, vi } from "vitest";
import { providerLoginUrl, signInErrorText, takeSignInError } from "../src/staff/login";

describe("signing in to the back office at an identity provider", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("comes back to the view it left", () => {
    expect(providerLoginUrl("staff", "#/residents/1")).toBe(
      "/api/v1/auth/oidc/staff/login?return_to=%2Fstaff%2F%23%2Fresidents%2F1",
    );
    expect(providerLoginUrl("staff", "")).toBe("/api/v1/auth/oidc/staff/login?return_to=%2Fstaff%2F");
  });

  it("reads a refusal once and takes it out of the address bar", () => {
    const replaced: string[] = [];
    vi.stubGlobal("location", { pathname: "/staff/", search: "?signin_error=refused&x=1", hash: "#/residents" });
    vi.stubGlobal("history", { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) });
    expect(takeSignInError()).toBe("refused");
    expect(replaced).toEqual(["/staff/?x=1#/residents"]);

    vi.stubGlobal("location", { pathname: "/staff/", search: "", hash: "#/" });
    expect(takeSignInError()).toBe(null);
    expect(replaced).toHaveLength(1);
  });

  it("says why a sign-in failed, each reason its own message, an unknown one as failed", () => {
    const codes = ["refused", "expired", "other_browser", "no_access", "unavailable", "failed"];
    expect(new Set(codes.map(signInErrorText)).size).toBe(codes.length);
    expect(signInErrorText("something-new")).toBe(signInErrorText("failed"));
  });
});
