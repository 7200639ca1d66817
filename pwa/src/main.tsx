// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { render } from "preact";
import { ApiError, type Problem, request, type Result, type Session } from "./api";
import { App } from "./app";
import { browserLanguage, setLanguage, storedLanguage } from "./i18n";
import { startFlushing } from "./outbox";
import { finishSignOut, finishSignOutWhenOnline, signOutPending } from "./signout";
import { registerServiceWorker } from "./sw-client";
import "./styles.css";

async function boot(): Promise<void> {
  const chosen = storedLanguage();
  // Who is signed in and the language's strings load side by side (one round trip, not two).
  // After a sign-out the server has not heard of yet (made offline): end that session first and
  // stay signed out, whether or not the server can be reached now.
  const session: Promise<Result<Session>> = signOutPending()
    ? finishSignOut().then(() => {
        throw new ApiError(401, { title: "signed out" } as Problem);
      })
    : request<Session>("/api/v1/auth/session");
  session.catch(() => undefined);
  await setLanguage(chosen ?? browserLanguage(), false);
  render(
    <App languageChosen={chosen !== null} initialSession={session} />,
    document.getElementById("app")!,
  );
  startFlushing();
  finishSignOutWhenOnline();
  registerServiceWorker();
}

void boot();
