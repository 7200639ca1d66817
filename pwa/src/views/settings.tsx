// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from "preact/hooks";
import { API_BASE, newIdempotencyKey, optional, problemText, request, requestHeaders, type Schemas } from "../api";
import type { AppContext } from "../app";
import { go } from "../app";
import { LANGUAGES, language, t } from "../i18n";
import { flush, queue } from "../outbox";
import { signOut as endSession } from "../signout";
import { PushRefused, disablePush, enablePush, pushEnabled, pushSupported } from "../push";
import { TimeSelect } from "../components/date-time-select";
import { type Erasure, ErasureStatus } from "../components/erasure";
import { PasskeySettings } from "../components/passkeys";

/**
 * The accessibility statement (toegankelijkheidsverklaring). A municipality publishes its own
 * (docs/accessibility.md is the model) and builds the app with its address.
 */
const ACCESSIBILITY_STATEMENT: string =
  (import.meta.env.VITE_ACCESSIBILITY_STATEMENT_URL as string | undefined) ??
  "https://code.welkom.example/welkom/welkom/-/blob/main/docs/accessibility.md";

type QuietHours = Schemas["QuietHoursIO"];

/**
 * Settings: language, push notifications and quiet hours, passkeys, export my data, ask for erasure, sign
 * out (here or everywhere; both remove what this phone kept).
 */
export function SettingsView({ ctx }: { ctx: AppContext }) {
  const resident = ctx.session?.roles.includes("resident") ?? false;
  const [busy, setBusy] = useState(false);
  const [push, setPush] = useState<boolean | null>(null);
  const [pushError, setPushError] = useState("");
  const [quiet, setQuiet] = useState<QuietHours | null>(null);
  const [quietError, setQuietError] = useState("");
  const [exportError, setExportError] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [erasure, setErasure] = useState<Erasure | null>(null);
  const [erasureError, setErasureError] = useState("");
  /** Sign-out asked for while items still wait to be sent: which sign-out, and how many wait. */
  const [unsent, setUnsent] = useState<{ everywhere: boolean; count: number } | null>(null);
  const [unsentError, setUnsentError] = useState("");
  const offline = () => t("There is no connection. Try again when you are online.");

  useEffect(() => {
    if (pushSupported()) void pushEnabled().then(setPush, () => setPush(false));
    request<Schemas["PreferencesOut"]>("/api/v1/me/notification-preferences")
      .then((r) => setQuiet(r.data.quiet_hours))
      .catch(() => undefined);
    if (resident)
      optional<Erasure>("/api/v1/me/erasure-request")
        .then((r) => setErasure(r?.data ?? null))
        .catch(() => undefined);
  }, [resident]);

  const signOut = async (everywhere: boolean) => {
    setBusy(true);
    try {
      await disablePush().catch(() => undefined);
      // Offline the server hears of it when the connection is back (signout.ts); this phone
      // forgets everything now.
      await endSession(everywhere);
      try {
        localStorage.removeItem("welkom.device"); // sign in with a tap again only after a new activation
      } catch {
        /* private mode */
      }
      await queue.clear();
      // Tell the worker first: an API read still on its way must not write its answer back.
      navigator.serviceWorker?.controller?.postMessage({ type: "SIGNED_OUT" });
      if ("caches" in window) await caches.delete("welkom-api");
      ctx.setSession(null);
      go("login");
    } finally {
      setBusy(false);
    }
  };

  /** Sign out, but first ask what to do with what has not been sent yet. */
  const askToSignOut = async (everywhere: boolean) => {
    setUnsentError("");
    const count = (await queue.list()).length;
    if (count === 0) return signOut(everywhere);
    setUnsent({ everywhere, count });
  };

  const sendThenSignOut = async () => {
    if (!unsent) return;
    setBusy(true);
    try {
      await flush();
    } finally {
      setBusy(false);
    }
    const left = (await queue.list()).length;
    if (left === 0) return signOut(unsent.everywhere);
    setUnsent({ ...unsent, count: left });
    setUnsentError(
      navigator.onLine
        ? t("Not everything could be sent. Look at what is waiting, or sign out and delete it.")
        : offline(),
    );
  };

  const togglePush = async () => {
    setPushError("");
    setBusy(true);
    try {
      if (push) {
        await disablePush();
        setPush(false);
        ctx.announce(t("Notifications are off on this phone."));
      } else {
        await enablePush();
        setPush(true);
        ctx.announce(t("Notifications are on on this phone."));
      }
    } catch (e) {
      setPushError(
        e instanceof PushRefused
          ? t("Notifications are blocked. Allow them in your browser settings.")
          : e instanceof Error && e.name === "AbortError"
            ? t("This phone could not turn on notifications. Try again later.")
            : problemText(e, offline()),
      );
    } finally {
      setBusy(false);
    }
  };

  const saveQuiet = async (event: Event) => {
    event.preventDefault();
    if (!quiet) return;
    setQuietError("");
    try {
      const r = await request<Schemas["PreferencesOut"]>("/api/v1/me/notification-preferences", {
        method: "PATCH",
        body: { quiet_hours: quiet },
      });
      setQuiet(r.data.quiet_hours);
      ctx.announce(t("Quiet hours saved."));
    } catch (e) {
      setQuietError(problemText(e, offline()));
    }
  };

  const exportData = async () => {
    setExportError("");
    setBusy(true);
    try {
      const response = await fetch(API_BASE + "/api/v1/me/export", {
        headers: requestHeaders("GET"),
        credentials: API_BASE ? "include" : "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = "welkom-export.json";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      ctx.announce(t("Your data has been downloaded."));
    } catch {
      setExportError(t("Your data could not be downloaded. Try again when you are online."));
    } finally {
      setBusy(false);
    }
  };

  const askErasure = async () => {
    setErasureError("");
    setBusy(true);
    try {
      const r = await request<Erasure>("/api/v1/me/erasure-request", {
        method: "POST",
        body: {},
        headers: { "Idempotency-Key": newIdempotencyKey() },
      });
      setErasure(r.data);
      setConfirming(false);
      ctx.announce(t("Your request to erase your data has been sent."));
    } catch (e) {
      setErasureError(problemText(e, offline()));
    } finally {
      setBusy(false);
    }
  };

  const setTime = (part: "start" | "end") => (value: string) => quiet && setQuiet({ ...quiet, [part]: value });

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title" tabIndex={-1}>
        {t("Settings")}
      </h1>
      <form onSubmit={(e) => e.preventDefault()}>
        <label for="language">{t("Language")}</label>
        <select
          id="language"
          value={language()}
          onChange={async (e) => {
            const code = (e.target as HTMLSelectElement).value;
            // The server learns the choice from the language event (language-sync.ts).
            await ctx.changeLanguage(code);
            ctx.announce(t("The language has been changed."));
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code} dir={l.rtl ? "rtl" : "ltr"}>
              {l.name}
            </option>
          ))}
        </select>
      </form>

      <h2>{t("Notifications")}</h2>
      {pushSupported() ? (
        <>
          <p>{t("Get a notification on this phone when there is news for you. It shows no personal details until you open Welkom.")}</p>
          <div class="actions">
            <button
              type="button"
              role="switch"
              aria-checked={push === true}
              disabled={busy || push === null}
              data-testid="push-toggle"
              onClick={() => void togglePush()}
            >
              {push ? t("Notifications on this phone: on") : t("Notifications on this phone: off")}
            </button>
          </div>
          {pushError && (
            <p class="error" role="alert">
              {pushError}
            </p>
          )}
        </>
      ) : (
        <p>{t("This browser cannot show notifications. You find your messages in Welkom.")}</p>
      )}
      {quiet && (
        <form onSubmit={saveQuiet} data-testid="quiet-hours">
          <p class="hint">{t("During quiet hours your phone stays silent. Messages wait until the quiet hours end.")}</p>
          <div class="row">
            <div>
              <TimeSelect id="quiet-start" legend={t("Quiet from")} value={quiet.start} onChange={setTime("start")} />
            </div>
            <div>
              <TimeSelect id="quiet-end" legend={t("Quiet until")} value={quiet.end} onChange={setTime("end")} />
            </div>
          </div>
          {quietError && (
            <p class="error" role="alert">
              {quietError}
            </p>
          )}
          <button type="submit">{t("Save quiet hours")}</button>
        </form>
      )}

      {resident && (
        <>
          <h2>{t("Signing in")}</h2>
          <PasskeySettings />
          <h2>{t("My data")}</h2>
          <p>{t("Download everything Welkom keeps about you, in one file.")}</p>
          <div class="actions">
            <button type="button" disabled={busy} data-testid="export" onClick={() => void exportData()}>
              {t("Download my data")}
            </button>
          </div>
          {exportError && (
            <p class="error" role="alert">
              {exportError}
            </p>
          )}

          <h3>{t("Erase my data")}</h3>
          {erasure && <ErasureStatus erasure={erasure} />}
          {erasure && erasure.state !== "refused" ? null : confirming ? (
            <div class="card confirm" role="group" aria-labelledby="erasure-confirm-title">
              <p id="erasure-confirm-title">
                <strong>{t("Are you sure you want the municipality to erase your data?")}</strong>
              </p>
              <p>{t("A caseworker will erase what Welkom keeps about you. After that you cannot use Welkom with this account any more. This cannot be undone.")}</p>
              <div class="actions">
                <button type="button" class="primary danger" disabled={busy} onClick={() => void askErasure()}>
                  {t("Yes, erase my data")}
                </button>
                <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
                  {t("No, keep my data")}
                </button>
              </div>
            </div>
          ) : (
            <div class="actions">
              <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>
                {t("Ask to erase my data")}
              </button>
            </div>
          )}
          {erasureError && (
            <p class="error" role="alert">
              {erasureError}
            </p>
          )}
        </>
      )}

      <h2>{t("Sign out")}</h2>
      <p>{t("When you sign out, what Welkom saved on this phone is removed, including questions that were not sent yet.")}</p>
      {unsent ? (
        <div role="group" aria-labelledby="unsent-title" class="confirm" data-testid="unsent-before-sign-out">
          <p id="unsent-title">
            {t("{count} items have not been sent yet. Signing out deletes them from this phone.", {
              count: unsent.count,
            })}
          </p>
          <button type="button" class="primary" disabled={busy} onClick={() => void sendThenSignOut()}>
            {t("Send them first, then sign out")}
          </button>{" "}
          <button type="button" class="danger" disabled={busy} onClick={() => void signOut(unsent.everywhere)}>
            {t("Sign out and delete them")}
          </button>{" "}
          <button type="button" disabled={busy} onClick={() => setUnsent(null)}>
            {t("Cancel")}
          </button>
          {unsentError && (
            <p class="error" role="alert">
              {unsentError}
            </p>
          )}
        </div>
      ) : (
        <>
          <button type="button" class="primary danger" data-testid="logout" disabled={busy} onClick={() => void askToSignOut(false)}>
            {t("Sign out")}
          </button>{" "}
          <button type="button" class="danger" disabled={busy} data-testid="logout-everywhere" onClick={() => void askToSignOut(true)}>
            {t("Sign out on all devices")}
          </button>
        </>
      )}

      <p>
        <a href={ACCESSIBILITY_STATEMENT} rel="noopener noreferrer" data-testid="accessibility-statement">
          {t("Accessibility statement")}
        </a>
      </p>
    </section>
  );
}
