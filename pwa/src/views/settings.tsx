import { useState } from "preact/hooks";
import { request } from "../api";
import type { AppContext } from "../app";
import { go } from "../app";
import { LANGUAGES, language, t } from "../i18n";
import { queue } from "../outbox";

/** Settings: language and signing out (which also removes what this phone kept). */
export function SettingsView({ ctx }: { ctx: AppContext }) {
  const [busy, setBusy] = useState(false);

  const logout = async () => {
    setBusy(true);
    try {
      await request("/api/v1/auth/logout", { method: "POST" }).catch(() => undefined);
      await queue.clear();
      if ("caches" in window) await caches.delete("welkom-api");
      ctx.setSession(null);
      go("login");
    } finally {
      setBusy(false);
    }
  };

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
            await ctx.changeLanguage(code);
            const patch = ctx.session?.roles.includes("resident");
            if (patch) {
              // Remember it on the server too, so letters and messages come in this language.
              const me = await request("/api/v1/me").catch(() => null);
              const etag = me?.headers.get("ETag");
              if (etag)
                await request("/api/v1/me", {
                  method: "PATCH",
                  body: { preferred_language: code },
                  headers: { "If-Match": etag },
                }).catch(() => undefined);
            }
            ctx.announce(t("The language has been changed."));
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </form>
      <h2>{t("Sign out")}</h2>
      <p>{t("When you sign out, what Welkom saved on this phone is removed, including questions that were not sent yet.")}</p>
      <button type="button" class="primary" disabled={busy} onClick={() => void logout()}>
        {t("Sign out")}
      </button>
    </section>
  );
}
