// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Registrations needing attention: what the case register refused (parked) or what failed and is
 * still being retried, oldest first, with the register's own reason. A parked one can be sent
 * again once the cause is fixed; the list is then read again every few seconds until the register
 * took it (or a while passed), so the records manager sees it leave.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { type Page, request, type Schemas } from "../../api";
import { formatDate } from "../../i18n";
import { failure } from "../forms";
import { t } from "../i18n";
import { ListStatus } from "../list-view";

export type Registration = Schemas["RegistrationEntryOut"];

interface RegisterProblem {
  status?: number;
  code?: string | null;
  title?: string | null;
  detail?: string | null;
  invalidParams?: { name?: string | null; code?: string | null; reason?: string | null }[];
  operation?: string;
}

/** The register's reason in words: its detail or title, then each field it named with why. */
export function registerReason(entry: Pick<Registration, "problem" | "last_error">): { summary: string; fields: string[] } {
  const problem = entry.problem as RegisterProblem | null;
  if (!problem) return { summary: entry.last_error ?? "", fields: [] };
  const summary = [problem.status ? String(problem.status) : "", problem.detail || problem.title || problem.code || ""]
    .filter(Boolean)
    .join(" · ");
  const fields = (problem.invalidParams ?? []).map((p) =>
    [p.name, p.reason || p.code].filter(Boolean).join(": "),
  );
  return { summary, fields };
}

export function kindLabel(kind: string | null): string {
  switch (kind) {
    case "question":
      return t("Question");
    case "document":
      return t("Document");
    case "answer":
      return t("Answer");
    case "klantcontact":
      return t("Customer contact");
    default:
      return kind ?? "—";
  }
}

export function registrationStateLabel(state: string): string {
  switch (state) {
    case "parked":
      return t("Refused: waiting for you");
    case "pending":
    case "in_progress":
      return t("Being retried");
    case "delivered":
      return t("Registered");
    default:
      return state;
  }
}

/** How often and how long the list is read again after a retry. */
const WATCH_INTERVAL_MS = 2000;
const WATCH_ROUNDS = 15;

export function RegistrationsView() {
  const [items, setItems] = useState<Registration[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const watching = useRef<{ ids: Set<string>; rounds: number; timer?: number }>({ ids: new Set(), rounds: 0 });

  const load = useCallback(async (cursor?: string): Promise<Registration[] | null> => {
    const params = new URLSearchParams({ state: "attention", limit: "50" });
    if (cursor) params.set("cursor", cursor);
    try {
      const r = await request<Page<Registration>>(`/api/v1/admin/registrations?${params}`);
      setItems((old) => [...(cursor ? (old ?? []) : []), ...r.data.items]);
      setNext(r.data.next_cursor);
      setError(null);
      return r.data.items;
    } catch (e) {
      setError(failure(e, t("No connection. Try again.")));
      return null;
    }
  }, []);

  const watch = useCallback(() => {
    const w = watching.current;
    window.clearTimeout(w.timer);
    if (w.ids.size === 0 || w.rounds >= WATCH_ROUNDS) return;
    w.timer = window.setTimeout(async () => {
      w.rounds += 1;
      const listed = await load();
      if (listed) {
        const still = new Set(listed.filter((e) => w.ids.has(e.id)).map((e) => e.id));
        if (still.size < w.ids.size) setStatus(t("The register accepted the registration; it left the list."));
        w.ids = still;
      }
      watch();
    }, WATCH_INTERVAL_MS);
  }, [load]);

  useEffect(() => {
    void load();
    return () => window.clearTimeout(watching.current.timer);
  }, [load]);

  const retry = async (entry: Registration) => {
    setBusy(entry.id);
    setStatus("");
    try {
      const r = await request<Registration>(`/api/v1/admin/registrations/${entry.id}/retry`, { method: "POST", body: {} });
      setItems((old) => (old ?? []).map((e) => (e.id === entry.id ? r.data : e)));
      setStatus(t("Sent again. It leaves this list once the register accepts it."));
      watching.current.ids.add(entry.id);
      watching.current.rounds = 0;
      watch();
    } catch (e) {
      setStatus(failure(e, t("No connection. Nothing was sent; try again.")));
      await load();
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="registrations-title">
      <h1 id="registrations-title" tabIndex={-1}>
        {t("Registrations needing attention")}
      </h1>
      <p class="meta">
        {t("What the case register refused, and what failed and is still being retried, the oldest first. Retry a refused one after the cause is fixed.")}
      </p>
      <ListStatus
        items={items}
        error={error}
        empty={t("Nothing needs attention.")}
        emptyTestId="no-registrations"
        more={next ? () => void load(next) : null}
      >
        {(items) => (
          <table class="inbox" data-testid="registrations">
            <thead>
              <tr>
                <th scope="col">{t("What")}</th>
                <th scope="col">{t("Sent")}</th>
                <th scope="col">{t("Status")}</th>
                <th scope="col">{t("The register's reason")}</th>
                <th scope="col">
                  <span class="visually-hidden">{t("Actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => {
                const reason = registerReason(entry);
                return (
                  <tr key={entry.id} data-entry-id={entry.id} data-interaction-id={entry.interaction_id} data-state={entry.state}>
                    <td>
                      {kindLabel(entry.kind)}
                      {entry.zaak && (
                        <>
                          <br />
                          <span class="meta">{t("Case {number}", { number: entry.zaak })}</span>
                        </>
                      )}
                    </td>
                    <td>
                      <time dateTime={entry.created_at}>{formatDate(entry.created_at)}</time>
                      <br />
                      <span class="meta">{t("Attempts: {count}", { count: entry.attempts })}</span>
                    </td>
                    <td>{registrationStateLabel(entry.state)}</td>
                    <td class="reason" data-testid="reason">
                      <span>{reason.summary}</span>
                      {reason.fields.length > 0 && (
                        <ul>
                          {reason.fields.map((f) => (
                            <li key={f}>
                              <code>{f}</code>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {entry.state === "parked" && (
                        <button type="button" disabled={busy === entry.id} onClick={() => void retry(entry)}>
                          {t("Retry")}
                          <span class="visually-hidden">
                            {" "}
                            {kindLabel(entry.kind)}, {formatDate(entry.created_at)}
                          </span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </ListStatus>
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
