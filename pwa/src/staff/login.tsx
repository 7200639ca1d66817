// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Sign-in for staff. In the demo: a demo account by its login name (POST /auth/demo-login). */
import { useState } from "preact/hooks";
import { ApiError, formErrors, request } from "../api";
import { t } from "./i18n";

const DEMO_ACCOUNTS = ["demo-caseworker", "demo-coordinator", "demo-records-manager"];

export function LoginView({ onSignedIn, ended = false }: { onSignedIn: () => Promise<void>; ended?: boolean }) {
  const [login, setLogin] = useState("demo-caseworker");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

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
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label for="login">{t("Demo account")}</label>
        <input
          id="login"
          name="login"
          list="demo-accounts"
          autocomplete="username"
          required
          value={login}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "login-error" : undefined}
          onInput={(e) => setLogin(e.currentTarget.value)}
        />
        <datalist id="demo-accounts">
          {DEMO_ACCOUNTS.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {fieldError && (
          <p id="login-error" class="error">
            {fieldError}
          </p>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t("Sign in")}
        </button>
      </form>
    </section>
  );
}
