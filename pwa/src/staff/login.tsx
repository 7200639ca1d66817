// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Sign-in for staff: one button per staff identity provider of the municipality (OpenID
 * Connect, `GET /auth/staff-sign-in`), and where demo login is on a demo account by its login
 * name (POST /auth/demo-login).
 */
import { useEffect, useState } from "preact/hooks";
import { API_BASE, ApiError, formErrors, request, type Schemas } from "../api";
import { t } from "./i18n";
import { Alert, FieldError, invalid } from "./messages";

const DEMO_ACCOUNTS = ["demo-caseworker", "demo-coordinator", "demo-records-manager"];

type SignIn = Schemas["StaffSignInOut"];

/** Where the API has not answered: the demo login alone, as before the list existed. */
const FALLBACK: SignIn = { providers: [], demo_login: true };

/**
 * Why the last sign-in at a provider failed (`?signin_error=<code>`, set by the API when it sends
 * the browser back: `refused`, `expired`, `other_browser`, `no_access`, `unavailable`, `failed`),
 * or null; read once, then taken out of the address bar so a reload does not repeat it.
 */
export function takeSignInError(): string | null {
  const query = new URLSearchParams(location.search);
  const code = query.get("signin_error");
  if (code === null) return null;
  query.delete("signin_error");
  const rest = query.toString();
  history.replaceState(history.state, "", `${location.pathname}${rest ? `?${rest}` : ""}${location.hash}`);
  return code;
}

/** The message for a failed sign-in, in the UI's language; an unknown code reads as "failed". */
export function signInErrorText(code: string): string {
  switch (code) {
    case "refused":
      return t("Signing in was cancelled or refused. Try again, or ask your administrator for access.");
    case "expired":
      return t("Signing in took too long or was already finished. Please start again.");
    case "other_browser":
      return t("Signing in was started in another browser or tab. Please start again here.");
    case "no_access":
      return t("Your account has no role in the back office. Ask your administrator for access.");
    case "unavailable":
      return t("The sign-in service cannot be reached right now. Please try again later.");
    default:
      return t("Signing in did not work. Please start again.");
  }
}

/** Where a provider's button leads: its login, coming back to this view of the back office. */
export function providerLoginUrl(key: string, hash: string): string {
  const returnTo = encodeURIComponent(`/staff/${hash}`);
  return `${API_BASE}/api/v1/auth/oidc/${encodeURIComponent(key)}/login?return_to=${returnTo}`;
}

export function LoginView({ onSignedIn, ended = false }: { onSignedIn: () => Promise<void>; ended?: boolean }) {
  const [login, setLogin] = useState("demo-caseworker");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [signInError] = useState(takeSignInError);
  const [options, setOptions] = useState<SignIn | undefined>();

  useEffect(() => {
    request<SignIn>("/api/v1/auth/staff-sign-in").then(
      (r) => setOptions(r.data),
      () => setOptions(FALLBACK),
    );
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFieldError(undefined);
    setError(undefined);
    try {
      await request("/api/v1/auth/demo-login", { method: "POST", body: { login: login.trim() } });
      await onSignedIn();
    } catch (e) {
      if (e instanceof ApiError && [404, 405].includes(e.status)) {
        setError(t("Signing in with a demo account is off here. Sign in through your organisation."));
      } else if (e instanceof ApiError) {
        const [fields, rest] = formErrors(e.problem, (field) => (field?.replace(/^\$\./, "") === "login" ? "login" : null));
        setFieldError(fields.login);
        setError(fields.login ? undefined : rest);
      } else {
        setError(t("No connection. Try again."));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="login-title" class="narrow">
      <h1 id="login-title" tabIndex={-1}>
        {t("Sign in to the back office")}
      </h1>
      {ended && <p class="notice">{t("Your session has ended. Sign in again; what you were doing is kept.")}</p>}
      {signInError && (
        <p class="error" role="alert" data-signin-error={signInError}>
          {signInErrorText(signInError)}
        </p>
      )}
      {options === undefined && <p aria-busy="true">{t("Loading…")}</p>}
      {!!options?.providers.length && (
        <div class="providers">
          {options.providers.map((provider) => (
            <button
              key={provider.key}
              type="button"
              class="primary"
              disabled={busy}
              onClick={() => location.assign(providerLoginUrl(provider.key, location.hash))}
            >
              {t("Sign in with {name}", { name: provider.display_name })}
            </button>
          ))}
        </div>
      )}
      {options && !options.demo_login && !options.providers.length && (
        <p>{t("Signing in with a demo account is off here. Sign in through your organisation.")}</p>
      )}
      {options?.demo_login && (
        <form
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-labelledby={options.providers.length ? "demo-title" : undefined}
        >
          {!!options.providers.length && <h2 id="demo-title">{t("Demo accounts")}</h2>}
          <label for="login">{t("Demo account")}</label>
          <input
            id="login"
            name="login"
            list="demo-accounts"
            autocomplete="username"
            required
            value={login}
            {...invalid("login", fieldError)}
            onInput={(e) => setLogin(e.currentTarget.value)}
          />
          <datalist id="demo-accounts">
            {DEMO_ACCOUNTS.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <FieldError id="login" error={fieldError} />
          <Alert message={error} />
          <button type="submit" class="primary" disabled={busy}>
            {t("Sign in")}
          </button>
        </form>
      )}
    </section>
  );
}
