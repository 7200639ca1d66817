// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Signing out that holds offline. The phone forgets at once; the server's session ends as soon
 * as the server can be reached. Until then a marker in localStorage keeps the app signed out:
 * on start it ends the session instead of asking who is signed in, and it tries again whenever
 * the connection comes back.
 */
import { ApiError, request } from "./api";

const PENDING = "welkom.signOutPending";
type Scope = "this" | "everywhere";

function read(): Scope | null {
  try {
    const value = localStorage.getItem(PENDING);
    return value === "this" || value === "everywhere" ? value : null;
  } catch {
    return null; // private mode: nothing was stored either
  }
}

function write(scope: Scope | null): void {
  try {
    if (scope) localStorage.setItem(PENDING, scope);
    else localStorage.removeItem(PENDING);
  } catch {
    /* private mode */
  }
}

/** A sign-out the server has not heard of yet. */
export function signOutPending(): boolean {
  return read() !== null;
}

/**
 * Tell the server; true when the session is over there (also when it had already ended: 401).
 * A failure to reach the server leaves the marker for the next try.
 */
export async function finishSignOut(): Promise<boolean> {
  const scope = read();
  if (scope === null) return true;
  try {
    await request(scope === "everywhere" ? "/api/v1/auth/logout-everywhere" : "/api/v1/auth/logout", {
      method: "POST",
    });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) return false;
    // 401/403: no session left to end.
  }
  write(null);
  return true;
}

/** Start a sign-out: remembered first, so a lost connection cannot undo it. */
export async function signOut(everywhere: boolean): Promise<boolean> {
  write(everywhere ? "everywhere" : "this");
  return finishSignOut();
}

/** A new sign-in replaced the session the pending sign-out was for (its cookie is gone). */
export function forgetPendingSignOut(): void {
  write(null);
}

/** Finish a pending sign-out whenever the connection comes back. */
export function finishSignOutWhenOnline(): void {
  addEventListener("online", () => void finishSignOut());
}
