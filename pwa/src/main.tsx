// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { render } from "preact";
import { request, type Result, type Session } from "./api";
import { App } from "./app";
import { browserLanguage, setLanguage, storedLanguage } from "./i18n";
import { startFlushing } from "./outbox";
import { registerServiceWorker } from "./sw-client";
import "./styles.css";

async function boot(): Promise<void> {
  const chosen = storedLanguage();
  // Who is signed in and the language's strings load side by side (one round trip, not two).
  const session: Promise<Result<Session>> = request<Session>("/api/v1/auth/session");
  session.catch(() => undefined);
  await setLanguage(chosen ?? browserLanguage(), false);
  render(
    <App languageChosen={chosen !== null} initialSession={session} />,
    document.getElementById("app")!,
  );
  startFlushing();
  registerServiceWorker();
}

void boot();
