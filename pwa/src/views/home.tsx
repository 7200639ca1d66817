import { useEffect, useState } from "preact/hooks";
import { request, type Page, type Question } from "../api";
import type { AppContext } from "../app";
import { t } from "../i18n";
import { RegistrationBadge } from "./questions";

/** Home: a greeting, the latest question and its state, and quick actions. */
export function HomeView({ ctx, waiting }: { ctx: AppContext; waiting: number }) {
  const resident = ctx.session?.roles.includes("resident") ?? false;
  const [latest, setLatest] = useState<Question | null | undefined>(undefined);

  useEffect(() => {
    if (!resident) return;
    request<Page<Question>>("/api/v1/me/questions?limit=1")
      .then((r) => setLatest(r.data.items[0] ?? null))
      .catch(() => setLatest(null));
  }, [resident]);

  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title" tabIndex={-1}>
        {t("Hello {name}", { name: ctx.session?.display_name ?? "" })}
      </h1>
      {resident ? (
        <>
          <div class="actions">
            <a class="button primary" href="#/ask">
              {t("Ask a question")}
            </a>
            <a class="button" href="#/questions">
              {t("My questions")}
            </a>
          </div>
          {waiting > 0 && <p>{t("Waiting to send: {count}", { count: waiting })}</p>}
          {latest && (
            <article class="card" aria-labelledby="latest-title">
              <h2 id="latest-title">{t("Your latest question")}</h2>
              <p class="text">{latest.text}</p>
              <RegistrationBadge question={latest} />
            </article>
          )}
          {latest === null && <p>{t("You have not asked a question yet.")}</p>}
        </>
      ) : (
        <p>{t("There is nothing for you to do here yet.")}</p>
      )}
    </section>
  );
}
