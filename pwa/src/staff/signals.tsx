// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The signals on the start page (GET /admin/signals?scope=mine|team): how many questions wait
 * too long, registrations the case system refused and overdue journey steps, each counted by the
 * API, for the caller's own residents and conversations or the team's (the choice is kept in
 * localStorage). Each kind opens a list: unanswered questions link to their conversation, refused
 * registrations and overdue steps to the resident's file.
 */
import { useEffect, useState } from "preact/hooks";
import { request, type Schemas } from "../api";
import { formatDate } from "../i18n";
import { failure } from "./forms";
import { t } from "./i18n";

type Signals = Schemas["SignalsOut"];

const KINDS = ["unanswered_question", "failed_registration", "stalled_journey_step"] as const;

function kindLabel(kind: string): string {
  switch (kind) {
    case "unanswered_question":
      return t("Unanswered too long");
    case "failed_registration":
      return t("Refused by the case system");
    case "stalled_journey_step":
      return t("Journey steps overdue");
    default:
      return kind;
  }
}

/** Where a signal leads: the conversation, or the resident's file (journey, registrations). */
export function signalLink(signal: Pick<Signals["items"][number], "kind" | "subject_id" | "resident_id">): string {
  return signal.kind === "unanswered_question" ? `#/conversations/${signal.subject_id}` : `#/residents/${signal.resident_id}`;
}

const SCOPE_KEY = "welkom.staff.signals";

export function SignalsPanel() {
  const [scope, setScope] = useState<"mine" | "team">(() => (localStorage.getItem(SCOPE_KEY) === "mine" ? "mine" : "team"));
  const [signals, setSignals] = useState<Signals | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    request<Signals>(`/api/v1/admin/signals?scope=${scope}`).then(
      (r) => current && setSignals(r.data),
      (e) => current && setError(failure(e, t("No connection. Try again."))),
    );
    return () => {
      current = false;
    };
  }, [scope]);

  const choose = (value: "mine" | "team") => {
    localStorage.setItem(SCOPE_KEY, value);
    setScope(value);
  };

  return (
    <section class="signals" aria-labelledby="signals-title" data-testid="signals">
      <h2 id="signals-title">{t("Signals")}</h2>
      <div class="scope" role="group" aria-label={t("Whose signals")}>
        <button type="button" aria-pressed={scope === "mine"} onClick={() => choose("mine")}>
          {t("Mine")}
        </button>
        <button type="button" aria-pressed={scope === "team"} onClick={() => choose("team")}>
          {t("The team's")}
        </button>
      </div>
      {error && <p class="error">{error}</p>}
      {signals && (
        <ul class="counts">
          {KINDS.map((kind) => (
            <li key={kind} data-kind={kind}>
              <strong>{signals.counts[kind] ?? 0}</strong> {kindLabel(kind)}
            </li>
          ))}
        </ul>
      )}
      {signals &&
        KINDS.map((kind) => {
          const items = signals.items.filter((s) => s.kind === kind);
          if (!items.length) return null;
          return (
            <details key={kind} data-list={kind}>
              <summary>{kindLabel(kind)}</summary>
              <ul>
                {items.slice(0, 10).map((s) => (
                  <li key={s.subject_id}>
                    <a href={signalLink(s)} dir="auto">
                      {s.resident_name}
                    </a>{" "}
                    · {t("since {date}", { date: formatDate(s.since) })}
                  </li>
                ))}
              </ul>
            </details>
          );
        })}
    </section>
  );
}
