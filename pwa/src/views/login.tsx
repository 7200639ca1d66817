// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useState } from "preact/hooks";
import { ApiError, problemIsMachine, problemText, request, type Session } from "../api";
import { MachineNotice } from "../components/in-language";
import type { AppContext } from "../app";
import { delay, go, SYNC_WAIT_MS } from "../app";
import { syncLanguage } from "../language-sync";
import { t } from "../i18n";
import { OFFER_PASSKEY, passkeysSupported, signInWithPasskey } from "../passkeys";

const DEMO = [
  { login: "demo-resident", label: () => t("Sign in as the demo resident") },
  { login: "demo-volunteer", label: () => t("Sign in as the demo volunteer") },
];

/**
 * The code from the letter's QR link (`#/activate?code=…`: in the fragment, so no server sees
 * it), read before the first route and taken out of the address bar and the history.
 */
let linked = /^#\/activate\?code=([\w-]+)/.exec(location.hash)?.[1] ?? "";
if (linked) history.replaceState(null, "", "#/login");

/** Set after an activation with "remember this phone": the HttpOnly device cookie may exist. */
const REMEMBERED = "welkom.device";

function remembered(): boolean {
  try {
    return localStorage.getItem(REMEMBERED) === "1";
  } catch {
    return false;
  }
}

function remember(on: boolean): void {
  try {
    if (on) localStorage.setItem(REMEMBERED, "1");
    else localStorage.removeItem(REMEMBERED);
  } catch {
    /* private mode */
  }
}

/**
 * Sign in: with the activation code from the caseworker's letter (first time), with "this
 * phone" (a remembered device, tried by itself), or — where the server offers them — demo logins.
 */
export function LoginView({ ctx }: { ctx: AppContext }) {
  const [error, setError] = useState("");
  /** The server's problem text was translated by a computer and not checked yet. */
  const [machine, setMachine] = useState(false);
  const [busy, setBusy] = useState(false);
  const [activating, setActivating] = useState(!!linked);
  const [code, setCode] = useState(linked);
  const [keep, setKeep] = useState(true);
  const [codeError, setCodeError] = useState("");
  const offline = () => t("There is no connection. Try again when you are online.");

  const signedIn = async () => {
    // Read the session back through the service worker, so it is known offline too.
    const session = (await request<Session>("/api/v1/auth/session")).data;
    // The language chosen in the app is the resident's language from now on: the server has it
    // before the first view reads anything (or, offline or slow, it follows).
    await Promise.race([syncLanguage(session, true), delay(SYNC_WAIT_MS)]);
    ctx.setSession(session);
    go("home");
  };

  // A remembered phone signs in with one tap (the device credential is rotated at every use).
  const [device, setDevice] = useState(remembered());
  const deviceLogin = async () => {
    setBusy(true);
    setError("");
    try {
      await request("/api/v1/auth/device-login", { method: "POST", body: {} });
      await signedIn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        remember(false);
        setDevice(false);
      }
      setError(problemText(e, offline()));
      setMachine(problemIsMachine(e));
    } finally {
      setBusy(false);
    }
  };

  const passkeyLogin = async () => {
    setBusy(true);
    setError("");
    try {
      await signInWithPasskey();
      await signedIn();
    } catch (e) {
      if (e instanceof ApiError) {
        setError(problemText(e, offline()));
        setMachine(problemIsMachine(e));
      } else {
        setError(
          e instanceof TypeError
            ? offline()
            : t("Signing in with a passkey was cancelled or is not possible on this phone."),
        );
        setMachine(false);
      }
    } finally {
      setBusy(false);
    }
  };

  const signIn = async (login: string) => {
    setBusy(true);
    setError("");
    try {
      await request("/api/v1/auth/demo-login", { method: "POST", body: { login } });
      await signedIn();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
        setError(t("Signing in with a demo account is not possible here."));
        setMachine(false);
      } else {
        setError(problemText(e, offline()));
        setMachine(problemIsMachine(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const activate = async (event: Event) => {
    event.preventDefault();
    if (!code.trim()) {
      setCodeError(t("Enter the code from your letter."));
      setMachine(false);
      return;
    }
    setBusy(true);
    setCodeError("");
    try {
      await request("/api/v1/auth/activation", {
        method: "POST",
        body: { code: code.trim(), remember_device: keep },
      });
      remember(keep);
      linked = "";
      try {
        sessionStorage.setItem(OFFER_PASSKEY, "1"); // the home view offers a passkey next
      } catch {
        /* private mode */
      }
      await signedIn();
    } catch (e) {
      setCodeError(problemText(e, offline()));
      setMachine(problemIsMachine(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title" tabIndex={-1}>
        {t("Sign in")}
      </h1>
      <p>{t("Welkom helps you with your municipality, in your own language.")}</p>
      {device && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => void deviceLogin()}>
            {t("Sign in on this phone")}
          </button>
        </div>
      )}
      {activating ? (
        <form onSubmit={activate} noValidate data-testid="activation">
          <label for="activation-code">{t("Activation code")}</label>
          <p id="activation-hint" class="hint">
            {t("You find the code in the letter from your caseworker. Capital or small letters do not matter.")}
          </p>
          <input
            id="activation-code"
            name="code"
            type="text"
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck={false}
            dir="ltr"
            maxLength={64}
            aria-describedby={codeError ? "activation-hint activation-error" : "activation-hint"}
            aria-invalid={codeError ? "true" : undefined}
            value={code}
            onInput={(e) => {
              setCode((e.target as HTMLInputElement).value);
              setCodeError("");
            }}
          />
          <label class="check">
            <input type="checkbox" checked={keep} onChange={(e) => setKeep((e.target as HTMLInputElement).checked)} />
            {t("Remember this phone, so I can sign in without a code next time")}
          </label>
          {codeError && (
            <p id="activation-error" class="error" role="alert">
              {codeError}
            </p>
          )}
          {codeError && machine && <MachineNotice />}
          <button type="submit" class="primary" disabled={busy}>
            {t("Activate")}
          </button>
        </form>
      ) : (
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => setActivating(true)}>
            {t("I have an activation code")}
          </button>
        </div>
      )}
      {passkeysSupported() && (
        <div class="actions">
          <button type="button" disabled={busy} data-testid="passkey-login" onClick={() => void passkeyLogin()}>
            {t("Sign in with a passkey")}
          </button>
        </div>
      )}
      <div class="actions">
        {DEMO.map((d) => (
          <button key={d.login} type="button" class="primary" disabled={busy} onClick={() => signIn(d.login)}>
            {d.label()}
          </button>
        ))}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {error && machine && <MachineNotice />}
      <p>
        <a href="#/language">{t("Change language")}</a>
      </p>
    </section>
  );
}
