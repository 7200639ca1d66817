// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The back office's frame: sign-in, header, hash routes and the views of the caller's role. */
import { useCallback, useEffect, useState } from "preact/hooks";
import { request, type Result, type Session } from "../api";
import { caseworkerSection } from "./caseworker";
import { coordinatorSection } from "./coordination/section";
import { SESSION_ENDED } from "./forms";
import { setUiLanguage, t, UI_LANGUAGES, uiLanguage } from "./i18n";
import { LoginView } from "./login";
import { recordsSection } from "./records/section";
import { type Section, sectionsFor } from "./section";

export { parseRoute } from "./caseworker";

/** Roles that work in the back office (residents and volunteers use the resident app). */
export const STAFF_ROLES = ["caseworker", "coordinator", "records_manager", "admin", "editor", "reviewer"];

/** The back office's parts, in the order of the header's links; each says which roles see it. */
export const SECTIONS: readonly Section[] = [caseworkerSection, coordinatorSection, recordsSection];

const LANGUAGE_NAMES: Record<string, string> = { nl: "Nederlands", en: "English" };

export function StaffApp({ initialSession }: { initialSession: Promise<Result<Session>> }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [hash, setHash] = useState(location.hash);
  const [, rerender] = useState(0);
  // The session ended while working: sign in again above the view, which stays (hidden) with
  // what was typed, so nothing is lost.
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    initialSession.then(
      (r) => setSession(r.data),
      () => setSession(null),
    );
    const onHash = () => setHash(location.hash);
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
  }, [hash, session, ended]);

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
  const mine = session ? sectionsFor(SECTIONS, session) : [];
  // The view this hash names in one of the user's sections, else the start page of the first.
  const view =
    session && isStaff
      ? (mine.map((section) => section.view(hash, session)).find((v) => v) ??
        (mine.length ? mine[0].view(mine[0].home, session) : null))
      : null;
  return (
    <>
      <a class="skip" href="#main">
        {t("Skip to content")}
      </a>
      <header class="top">
        <span class="brand">{t("Welkom back office")}</span>
        {isStaff && (
          <nav aria-label={t("Back office")}>
            {mine.flatMap((section) =>
              section.nav.map((link) => (
                <a key={link.href} href={link.href} aria-current={link.current(hash) ? "page" : undefined}>
                  {link.label()}
                </a>
              )),
            )}
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
        {isStaff && !view && (
          <>
            <h1 tabIndex={-1}>{t("Welkom back office")}</h1>
            <p>{t("The work lists of your role are not in the back office yet.")}</p>
          </>
        )}
        {view}
        </div>
      </main>
    </>
  );
}
