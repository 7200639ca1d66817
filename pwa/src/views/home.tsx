// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from "preact/hooks";
import type { ComponentType } from "preact";
import { optional, request, type Page, type Question, type Schemas } from "../api";
import type { AppContext } from "../app";
import { direction, isolate, t } from "../i18n";
import { RegistrationBadge } from "../components/registration";
import { NextStep } from "../components/next-step";
import { JOURNEY_PATH, type Journey } from "../components/journey";
import { OFFER_PASSKEY } from "../passkeys";

type Inbox = Schemas["NotificationPage"];

/**
 * Home: a greeting, the latest question and its state, and quick actions. What comes from the
 * API (the next journey step, the latest question, the inbox) appears in one go once all three
 * have answered, below what is already on screen: nothing that is shown moves (CLS 0), however
 * the answers are ordered. Until then a placeholder holds the place.
 */
export function HomeView({ ctx, waiting }: { ctx: AppContext; waiting: number }) {
  const resident = ctx.session?.roles.includes("resident") ?? false;
  const [latest, setLatest] = useState<Question | null | undefined>(undefined);
  const [updates, setUpdates] = useState<Inbox | null | undefined>(undefined);
  const [journey, setJourney] = useState<Journey | null | undefined>(undefined);
  // The passkey offer after an activation: loaded only then, to keep the first load small.
  const [Offer, setOffer] = useState<ComponentType | null>(null);

  useEffect(() => {
    let wanted = false;
    try {
      wanted = sessionStorage.getItem(OFFER_PASSKEY) === "1";
    } catch {
      /* private mode */
    }
    if (resident && wanted)
      void import("../components/passkeys").then((m) => setOffer(() => m.PasskeyOffer), () => undefined);
  }, [resident]);

  useEffect(() => {
    if (!resident) return;
    request<Page<Question>>("/api/v1/me/questions?limit=1")
      .then((r) => setLatest(r.data.items[0] ?? null))
      .catch(() => setLatest(null));
    optional<Journey>(JOURNEY_PATH)
      .then((r) => setJourney(r?.data ?? null))
      .catch(() => setJourney(null));
  }, [resident]);

  // The inbox, where the server offers one: the unread count and the newest title.
  useEffect(() => {
    optional<Inbox>("/api/v1/me/notifications?limit=1")
      .then((r) => setUpdates(r?.data ?? null))
      .catch(() => setUpdates(null));
  }, []);

  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title" tabIndex={-1}>
        {t("Hello {name}", { name: isolate(ctx.session?.display_name ?? "") })}
      </h1>
      {resident ? (
        <>
          {Offer && <Offer />}
          <div class="actions">
            <a class="button primary" href="#/ask">
              {t("Ask a question")}
            </a>
            <a class="button" href="#/questions">
              {t("My questions")}
            </a>
          </div>
          {waiting > 0 && <p>{t("Waiting to send: {count}", { count: waiting })}</p>}
          {latest === undefined || updates === undefined || journey === undefined ? (
            <p class="placeholder" aria-busy="true">
              {t("Loading…")}
            </p>
          ) : (
            <>
              <NextStep journey={journey} />
              {latest && (
                <article class="card" aria-labelledby="latest-title">
                  <h2 id="latest-title">{t("Your latest question")}</h2>
                  <p class="text" data-own-words lang={latest.language} dir={direction(latest.language)}>
                    {latest.text}
                  </p>
                  <RegistrationBadge question={latest} />
                </article>
              )}
              {latest === null && <p>{t("You have not asked a question yet.")}</p>}
              {updates && (
                <article class="card updates" aria-labelledby="updates-title">
                  <h2 id="updates-title">{t("Updates")}</h2>
                  <p data-unread={updates.unread_count}>
                    {t("Unread updates: {count}", { count: updates.unread_count })}
                  </p>
                  {updates.items[0] && <p class="text">{updates.items[0].title}</p>}
                </article>
              )}
            </>
          )}
        </>
      ) : (
        <p>{t("There is nothing for you to do here yet.")}</p>
      )}
    </section>
  );
}
