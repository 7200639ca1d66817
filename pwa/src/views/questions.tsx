// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useCallback, useEffect, useState } from "preact/hooks";
import { request, type Page, type Question } from "../api";
import type { AppContext } from "../app";
import { direction, formatDate, t } from "../i18n";
import { queue } from "../outbox";
import type { QueuedRequest } from "../queue";
import { QueuedState } from "../components/queued";
import { RegistrationBadge } from "../components/registration";
import { Answers } from "../components/answers";

const POLL_MS = 3000;

/** My questions: what still waits on this phone, then what the municipality has. */
export function QuestionsView({ ctx }: { ctx: AppContext }) {
  const [items, setItems] = useState<Question[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [fromCache, setFromCache] = useState(false);
  const [queued, setQueued] = useState<QueuedRequest[]>([]);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    try {
      const r = await request<Page<Question>>("/api/v1/me/questions?limit=20");
      setItems(r.data.items);
      setNext(r.data.next_cursor);
      setFromCache(r.fromCache);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);

  const more = async () => {
    if (!next) return;
    const r = await request<Page<Question>>(`/api/v1/me/questions?limit=20&cursor=${encodeURIComponent(next)}`);
    setItems([...(items ?? []), ...r.data.items]);
    setNext(r.data.next_cursor);
  };

  useEffect(() => {
    const onQueue = () => void queue.list().then(setQueued);
    const onSent = () => void load();
    onQueue();
    void load();
    queue.addEventListener("change", onQueue);
    queue.addEventListener("sent", onSent);
    return () => {
      queue.removeEventListener("change", onQueue);
      queue.removeEventListener("sent", onSent);
    };
  }, [load]);

  // While the municipality is still registering something, look again now and then.
  const pending = items?.some((q) => q.registration.state === "pending") ?? false;
  useEffect(() => {
    if (!pending || ctx.offline) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, ctx.offline, load]);

  const questions = queued.filter((q) => q.kind === "question");
  return (
    <section aria-labelledby="questions-title">
      <h1 id="questions-title" tabIndex={-1}>
        {t("My questions")}
      </h1>
      {questions.length > 0 && (
        <>
          <h2>{t("Not sent yet")}</h2>
          <ul class="list" data-testid="queued">
            {questions.map((q) => (
              <li key={q.id} class="card queued-item">
                <p class="text" data-own-words lang={(q.body as Question).language} dir={direction((q.body as Question).language)}>
                  {(q.body as Question).text}
                </p>
                <QueuedState item={q} />
              </li>
            ))}
          </ul>
        </>
      )}
      {fromCache && <p class="hint">{t("Saved on this phone. It may not be up to date.")}</p>}
      {failed && items === null && <p class="error">{t("Your questions could not be loaded. Try again later.")}</p>}
      {items === null && !failed && <p aria-busy="true">{t("Loading…")}</p>}
      {items && items.length === 0 && questions.length === 0 && (
        <div class="empty">
          <p>
            <strong>{t("You have not asked a question yet.")}</strong>
          </p>
          <p>{t("Your questions appear here, with their status.")}</p>
          <a class="button primary" href="#/ask">
            {t("Ask a question")}
          </a>
        </div>
      )}
      {items && items.length > 0 && (
        <>
          {questions.length > 0 && <h2>{t("Sent")}</h2>}
          <ul class="list" data-testid="questions">
            {items.map((q) => (
              <li key={q.id} class="card" data-question-id={q.id}>
                <p class="text" data-own-words lang={q.language} dir={direction(q.language)}>
                  {q.text}
                </p>
                <p class="meta">
                  <time dateTime={q.created_at}>{formatDate(q.created_at)}</time>
                </p>
                <RegistrationBadge question={q} />
                <Answers questionId={q.id} />
              </li>
            ))}
          </ul>
        </>
      )}
      {next && (
        <button type="button" onClick={() => void more()}>
          {t("Show more")}
        </button>
      )}
    </section>
  );
}
