// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The staff back office at /staff/: its own entry, chunks and styles (vite.staff.config.ts). */
import { render } from "preact";
import { request, type Result, type Session } from "../api";
import { StaffApp } from "./app";
import { preferredUiLanguage, setUiLanguage } from "./i18n";
import "./staff.css";

async function boot(): Promise<void> {
  // Who is signed in and the UI's strings load side by side.
  const session: Promise<Result<Session>> = request<Session>("/api/v1/auth/session");
  session.catch(() => undefined);
  await setUiLanguage(preferredUiLanguage(), false);
  render(<StaffApp initialSession={session} />, document.getElementById("staff")!);
}

void boot();
