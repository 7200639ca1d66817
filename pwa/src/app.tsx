// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import type { ComponentType } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type Result, type Session } from "./api";
import { hasUnreviewed, language, setLanguage, t } from "./i18n";
import { flush, queue } from "./outbox";
import { forgetPendingSignOut } from "./signout";
import { LANGUAGE_REFUSED_EVENT, languageRefused, languageUnsent, syncLanguage } from "./language-sync";
import { applyUpdate, hasUpdate, updates } from "./sw-client";
import { allowed, type RouteDef, titleOf, VIEWS, type ViewProps } from "./routes";
import { BottomNav } from "./components/nav";
import { LanguageView } from "./views/language";
import { LoginView } from "./views/login";

/** A route: `language`, `login` or the name of one of {@link VIEWS}. */
export type Route = string;

function currentRoute(): Route {
  const name = location.hash.replace(/^#\/?/, "").split("?")[0];
  return name === "language" || name === "login" || VIEWS.some((v) => v.name === name) ? name : "home";
}

const loaded = new Map<string, ComponentType<ViewProps>>();

/** The view that lists a waiting request of each queue kind (the notice links to the oldest's). */
const QUEUED_IN: Record<string, string> = {
  question: "questions",
  consent: "consent",
  document: "documents",
  help: "help",
  "help-cancel": "help",
  "help-rating": "help",
};

/** Shows a view, loading its chunk on the first visit. */
function LazyView({ def, props }: { def: RouteDef; props: ViewProps }) {
  const [View, setView] = useState<ComponentType<ViewProps> | undefined>(() => loaded.get(def.name));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (loaded.has(def.name)) return setView(() => loaded.get(def.name));
    setView(undefined);
    setFailed(false);
    def
      .load()
      .then((component) => {
        loaded.set(def.name, component);
        setView(() => component);
      })
      .catch(() => setFailed(true));
  }, [def]);
  // A view whose chunk arrived after the route changed: its heading takes the focus now.
  useEffect(() => {
    if (View) document.querySelector<HTMLElement>("main h1")?.focus();
  }, [View]);
  if (View) return <View {...props} />;
  if (failed) return <p role="alert">{t("This page could not be loaded. Check your connection and try again.")}</p>;
  return <p aria-busy="true">{t("Loading…")}</p>;
}

/** How long a language change or sign-in waits for the server to have the new language. */
export const SYNC_WAIT_MS = 4000;

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The page's title: the view's own, then the app's name. */
export function setTitle(title: string): void {
  document.title = title ? `${title} – Welkom` : "Welkom";
}

export function go(route: Route): void {
  location.hash = `#/${route}`;
}

/** The view shown for a route: sign-in without a session, home for a view the roles may not open. */
function resolve(route: Route, roles: string[] | null): Route {
  if (route === "language") return route;
  if (!roles) return "login";
  if (route === "login") return "home";
  const def = VIEWS.find((v) => v.name === route);
  return def && !allowed(def, roles) ? "home" : route;
}

export interface AppContext {
  session: Session | null;
  /** The app is showing saved data because the network did not answer. */
  offline: boolean;
  setSession(session: Session | null): void;
  announce(message: string): void;
  changeLanguage(code: string): Promise<void>;
}

export function App({
  languageChosen,
  initialSession,
}: {
  languageChosen: boolean;
  initialSession: Promise<Result<Session>>;
}) {
  const [route, setRoute] = useState<Route>(languageChosen ? currentRoute() : "language");
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [offline, setOffline] = useState(!navigator.onLine);
  const [lang, setLang] = useState(language());
  const [refused, setRefused] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [waiting, setWaiting] = useState(0);
  const [waitingView, setWaitingView] = useState("questions");
  const [update, setUpdate] = useState(hasUpdate());
  // Bumped when the texts change under the same language (the full catalog after the first steps).
  const [, setTexts] = useState(0);
  const heading = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onTexts = () => setTexts((n) => n + 1);
    addEventListener("welkom:language", onTexts);
    return () => removeEventListener("welkom:language", onTexts);
  }, []);

  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    const onNet = () => setOffline(!navigator.onLine);
    const onQueue = () =>
      void queue.list().then((items) => {
        setWaiting(items.length);
        setWaitingView(QUEUED_IN[items[0]?.kind] ?? "questions");
      });
    const onUpdate = () => setUpdate(true);
    addEventListener("hashchange", onHash);
    addEventListener("online", onNet);
    addEventListener("offline", onNet);
    queue.addEventListener("change", onQueue);
    updates.addEventListener("available", onUpdate);
    onQueue();
    return () => {
      removeEventListener("hashchange", onHash);
      removeEventListener("online", onNet);
      removeEventListener("offline", onNet);
      queue.removeEventListener("change", onQueue);
      updates.removeEventListener("available", onUpdate);
    };
  }, []);

  useEffect(() => {
    initialSession
      .then((r) => setSession(r.data))
      .catch((error) => {
        if (!(error instanceof ApiError)) setOffline(true);
        setSession(null);
      });
  }, [initialSession]);

  // What waits in the offline queue belongs to the account that is signed in.
  useEffect(() => {
    if (session === undefined) return;
    queue.setAccount(session?.account_id ?? null);
    if (session) forgetPendingSignOut();
    if (session) void flush();
  }, [session]);

  // The resident's language in the app is the one the API uses for them: sent when they are
  // signed in (once per visit; a sign-in sends it itself), when it changes, and when a change
  // made offline can be sent.
  useEffect(() => {
    if (!session) return;
    void syncLanguage(session);
    const onLanguage = () => void syncLanguage(session);
    const onOnline = () => {
      if (languageUnsent(session)) void syncLanguage(session, true);
    };
    const onRefused = () => setRefused(languageRefused());
    addEventListener("welkom:language", onLanguage);
    addEventListener("online", onOnline);
    addEventListener(LANGUAGE_REFUSED_EVENT, onRefused);
    return () => {
      removeEventListener("welkom:language", onLanguage);
      removeEventListener("online", onOnline);
      removeEventListener(LANGUAGE_REFUSED_EVENT, onRefused);
    };
  }, [session]);

  // Move focus to the new view's heading so screen readers announce it; the page's title is the
  // view's, and a confirmation of the last view does not stay on screen in the next one.
  useEffect(() => {
    heading.current?.querySelector<HTMLElement>("h1")?.focus();
    setStatus("");
  }, [route]);
  const shown = session === undefined ? "" : resolve(route, session?.roles ?? null);
  useEffect(() => setTitle(shown && titleOf(shown)), [shown, lang]);

  const announce = useCallback((message: string) => {
    setStatus("");
    setTimeout(() => setStatus(message), 50);
  }, []);

  const changeLanguage = useCallback(
    async (code: string) => {
      await setLanguage(code); // its event sends the choice to the server (above)
      // What is read next comes in the new language: wait for the server to have it (briefly).
      await Promise.race([syncLanguage(session), delay(SYNC_WAIT_MS)]);
      setLang(code);
    },
    [session],
  );

  if (session === undefined) return <main class="boot" aria-busy="true" />;

  const context: AppContext = {
    session,
    offline,
    setSession: (s) => setSession(s),
    announce,
    changeLanguage,
  };
  const roles = session?.roles ?? [];
  const view = resolve(route, session ? roles : null);
  const def = VIEWS.find((v) => v.name === view);

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), heading.current?.querySelector<HTMLElement>("h1")?.focus())}>
        {t("Skip to content")}
      </a>
      <header class="top">
        <span class="brand" translate={false}>
          Welkom
        </span>
      </header>
      <div class="notices">
        {session && refused && refused === lang && (
          <p class="notice refused" role="status">
            {t("Your municipality does not offer this language yet.")}{" "}
            <a href="#/language">{t("Choose your language")}</a>
          </p>
        )}
        {offline && <p class="notice offline">{t("You are offline. You see what was saved on this phone.")}</p>}
        {waiting > 0 && (
          <p class="notice queued">
            <a href={`#/${waitingView}`}>{t("Waiting to send: {count}", { count: waiting })}</a>
          </p>
        )}
        {update && (
          <p class="notice update">
            {t("A new version of Welkom is ready.")}{" "}
            <button type="button" onClick={applyUpdate}>
              {t("Update now")}
            </button>
          </p>
        )}
      </div>
      <main id="main" ref={heading}>
        {view === "language" && (
          <LanguageView
            onChoose={async (code) => {
              await changeLanguage(code);
              go(session ? "home" : "login");
              setRoute(session ? "home" : "login");
            }}
          />
        )}
        {view === "login" && <LoginView ctx={context} />}
        {def && <LazyView key={def.name} def={def} props={{ ctx: context, waiting }} />}
      </main>
      {session && view !== "language" && <BottomNav view={view} roles={roles} />}
      <footer class="bottom">
        {hasUnreviewed() && (
          <p class="unreviewed">{t("Some texts in this language were translated by a computer and have not been checked yet.")}</p>
        )}
        <p role="status" aria-live="polite" class="status">
          {status}
        </p>
      </footer>
    </>
  );
}
