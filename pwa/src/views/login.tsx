import { useState } from "preact/hooks";
import { ApiError, request, type Session } from "../api";
import type { AppContext } from "../app";
import { go } from "../app";
import { t } from "../i18n";

const DEMO = [
  { login: "demo-resident", label: () => t("Sign in as the demo resident") },
  { login: "demo-volunteer", label: () => t("Sign in as the demo volunteer") },
];

/** Sign in. The demo logins appear only where the server offers them. */
export function LoginView({ ctx }: { ctx: AppContext }) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const signIn = async (login: string) => {
    setBusy(true);
    setError("");
    try {
      await request("/api/v1/auth/demo-login", { method: "POST", body: { login } });
      // Read the session back through the service worker, so it is known offline too.
      ctx.setSession((await request<Session>("/api/v1/auth/session")).data);
      go("home");
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
        setError(t("Signing in with a demo account is not possible here."));
      } else if (e instanceof ApiError) {
        setError(e.message);
      } else {
        setError(t("There is no connection. Try again when you are online."));
      }
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
      <p>
        <a href="#/language">{t("Change language")}</a>
      </p>
    </section>
  );
}
