// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The back office's frame: sign-in, header, hash routes and the views of the caller's role. */
import { useCallback, useEffect, useState } from "preact/hooks";
import { request, type Result, type Session } from "../api";
import { ConversationView } from "./conversation";
import { SESSION_ENDED } from "./forms";
import { InboxView } from "./inbox";
import { setUiLanguage, t, UI_LANGUAGES, uiLanguage } from "./i18n";
import { LetterView } from "./letter";
import { LoginView } from "./login";
import { ResidentsView, ResidentView } from "./residents";

/** Roles that work in the back office (residents and volunteers use the resident app). */
export const STAFF_ROLES = ["caseworker", "coordinator", "records_manager", "admin", "editor", "reviewer"];

/**
 * `#/` the inbox, `#/conversations/<question id>` one conversation, `#/residents` the residents,
 * `#/residents/<id>` one resident, `#/residents/<id>/letter` the activation letter just issued.
 */
export type Route =
  | { view: "inbox" }
  | { view: "conversation"; id: string }
  | { view: "residents" }
  | { view: "resident"; id: string }
  | { view: "letter"; id: string };

const UUID = "([0-9a-f-]{36})";

export function parseRoute(hash: string): Route {
  let match = hash.match(new RegExp(`^#/conversations/${UUID}$`, "i"));
  if (match) return { view: "conversation", id: match[1] };
  match = hash.match(new RegExp(`^#/residents/${UUID}(/letter)?$`, "i"));
  if (match) return { view: match[2] ? "letter" : "resident", id: match[1] };
  return hash === "#/residents" ? { view: "residents" } : { view: "inbox" };
}

const LANGUAGE_NAMES: Record<string, string> = { nl: "Nederlands", en: "English" };

export function StaffApp({ initialSession }: { initialSession: Promise<Result<Session>> }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [, rerender] = useState(0);
  // The session ended while working: sign in again above the view, which stays (hidden) with
  // what was typed, so nothing is lost.
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    initialSession.then(
      (r) => setSession(r.data),
      () => setSession(null),
    );
    const onHash = () => setRoute(parseRoute(location.hash));
    const onEnded = () => setEnded(true);
    addEventListener("hashchange", onHash);
    addEventListener(SESSION_ENDED, onEnded);
    return () => {
      removeEventListener("hashchange", onHash);
      removeEventListener(SESSION_ENDED, onEnded);
    };
  }, [initialSession]);

  // Each new view's heading takes the focus, so keyboard and screen reader users start there.
  useEffect(() => {
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [route, session, ended]);

  const signedIn = useCallback(async () => {
    const r = await request<Session>("/api/v1/auth/session");
    setSession(r.data);
    setEnded(false);
  }, []);

  const signOut = async () => {
    await request("/api/v1/auth/logout", { method: "POST", body: {} }).catch(() => undefined);
    setSession(null);
    setEnded(false);
  };

  const switchLanguage = async (code: string) => {
    await setUiLanguage(code);
    rerender((n) => n + 1);
  };

  useEffect(() => {
    document.title = `${t("Welkom back office")}`;
  });

  const isStaff = !!session && session.roles.some((role) => STAFF_ROLES.includes(role));
  return (
    <>
      <a class="skip" href="#main">
        {t("Skip to content")}
      </a>
      <header class="top">
        <span class="brand">{t("Welkom back office")}</span>
        {isStaff && (
          <nav aria-label={t("Back office")}>
            <a href="#/" aria-current={route.view === "inbox" ? "page" : undefined}>
              {t("Conversations")}
            </a>{" "}
            <a href="#/residents" aria-current={route.view === "residents" ? "page" : undefined}>
              {t("Residents")}
            </a>
          </nav>
        )}
        <div class="tools">
          <div role="group" aria-label={t("Language of the back office")}>
            {UI_LANGUAGES.map((code) => (
              <button
                key={code}
                type="button"
                lang={code}
                aria-pressed={uiLanguage() === code}
                onClick={() => void switchLanguage(code)}
              >
                {LANGUAGE_NAMES[code]}
              </button>
            ))}
          </div>
          {session && (
            <>
              <span class="who">{session.display_name}</span>
              <button type="button" onClick={() => void signOut()}>
                {t("Sign out")}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main">
        {session === undefined && <p aria-busy="true">{t("Loading…")}</p>}
        {session === null && <LoginView onSignedIn={signedIn} />}
        {session && ended && <LoginView onSignedIn={signedIn} ended />}
        <div hidden={ended}>
        {session && !isStaff && (
          <>
            <h1 tabIndex={-1}>{t("No access")}</h1>
            <p>{t("This account has no role in the back office.")}</p>
          </>
        )}
        {isStaff && !session.roles.includes("caseworker") && (
          <>
            <h1 tabIndex={-1}>{t("Welkom back office")}</h1>
            <p>{t("The work lists of your role are not in the back office yet.")}</p>
          </>
        )}
        {isStaff && session.roles.includes("caseworker") && route.view === "inbox" && <InboxView />}
        {isStaff && session.roles.includes("caseworker") && route.view === "conversation" && (
          <ConversationView id={route.id} session={session} />
        )}
        {isStaff && session.roles.includes("caseworker") && route.view === "residents" && <ResidentsView />}
        {isStaff && session.roles.includes("caseworker") && route.view === "resident" && <ResidentView id={route.id} />}
        {isStaff && session.roles.includes("caseworker") && route.view === "letter" && <LetterView residentId={route.id} />}
        </div>
      </main>
    </>
  );
}
