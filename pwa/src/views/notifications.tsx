// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useCallback, useEffect, useState } from "preact/hooks";
import { request, type Schemas } from "../api";
import type { AppContext } from "../app";
import { formatDate, t } from "../i18n";

type InboxPage = Schemas["NotificationPage"];

/** Where an item leads (the same table as the service worker's notificationclick). */
const VIEW_FOR_KIND: Record<string, string> = {
  "question.registered": "questions",
  "question.answered": "questions",
  "document.registered": "cases",
  "case.status_changed": "cases",
  "journey.step_changed": "journey",
  "help_request.claimed": "help",
  "help_request.released": "help",
  "help_request.cancelled": "help",
  "service_info.changed": "services",
};

/** The inbox: newest first, in the reader's language as the API renders it. */
export function NotificationsView({ ctx }: { ctx: AppContext }) {
  const [page, setPage] = useState<InboxPage | null>(null);
  const [fromCache, setFromCache] = useState(false);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    try {
      const r = await request<InboxPage>("/api/v1/me/notifications?limit=50");
      setPage(r.data);
      setFromCache(r.fromCache);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    // Opened from a push notification (#/notifications?read=<id>): that one has been read.
    const read = new URLSearchParams(location.hash.split("?")[1] ?? "").get("read");
    const first = read && /^[0-9a-f-]{36}$/i.test(read) ? markRead(read) : Promise.resolve();
    void first.then(load);
  }, [load]);

  const markRead = (id: string) =>
    request(`/api/v1/me/notifications/${id}/read`, { method: "POST", body: {} }).then(
      () => undefined,
      () => undefined,
    );

  const readAll = async () => {
    await request("/api/v1/me/notifications/read-all", { method: "POST", body: {} }).catch(() => undefined);
    await load();
    ctx.announce(t("All messages are marked as read."));
  };

  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title" tabIndex={-1}>
        {t("Messages")}
      </h1>
      {fromCache && <p class="hint">{t("Saved on this phone. It may not be up to date.")}</p>}
      {failed && page === null && <p class="error">{t("Your messages could not be loaded. Try again later.")}</p>}
      {page === null && !failed && <p aria-busy="true">{t("Loading…")}</p>}
      {page && (
        <>
          {page.items.length > 0 && (
            <p data-unread={page.unread_count}>{t("Unread updates: {count}", { count: page.unread_count })}</p>
          )}
          {page.unread_count > 0 && !ctx.offline && (
            <div class="actions">
              <button type="button" onClick={() => void readAll()}>
                {t("Mark all as read")}
              </button>
            </div>
          )}
          {page.items.length === 0 ? (
            <div class="empty">
              <p>
                <strong>{t("You have no messages yet.")}</strong>
              </p>
              <p>{t("When the municipality answers you or a case changes, you get a message here.")}</p>
            </div>
          ) : (
            <ul class="list" data-testid="inbox">
              {page.items.map((item) => (
                <li key={item.id} class={`card${item.read_at ? "" : " unread"}`} data-read={item.read_at ? "true" : "false"}>
                  <h2 class="item-title">
                    {!item.read_at && <span class="badge">{t("New")}</span>} {item.title}
                  </h2>
                  <p class="text">{item.body}</p>
                  <p class="meta">
                    <time dateTime={item.created_at}>{formatDate(item.created_at)}</time>
                  </p>
                  <div class="actions">
                    {VIEW_FOR_KIND[item.kind] && (
                      <a
                        class="button"
                        href={`#/${VIEW_FOR_KIND[item.kind]}`}
                        onClick={() => void (item.read_at ? undefined : markRead(item.id))}
                      >
                        {t("Open")}
                      </a>
                    )}
                    {!item.read_at && !ctx.offline && (
                      <button type="button" onClick={() => void markRead(item.id).then(load)}>
                        {t("Mark as read")}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
