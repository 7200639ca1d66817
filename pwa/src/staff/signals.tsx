// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The team's signals on the start page (GET /admin/signals?scope=team): how many questions wait
 * too long, registrations the case system refused and overdue journey steps, each counted by the
 * API. Unanswered questions link to their conversation.
 */
import { useEffect, useState } from "preact/hooks";
import { request, type Schemas } from "../api";
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

export function SignalsPanel() {
  const [signals, setSignals] = useState<Signals | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request<Signals>("/api/v1/admin/signals?scope=team").then(
      (r) => setSignals(r.data),
      (e) => setError(failure(e, t("No connection. Try again."))),
    );
  }, []);

  const unanswered = signals?.items.filter((s) => s.kind === "unanswered_question") ?? [];
  return (
    <section class="signals" aria-labelledby="signals-title" data-testid="signals">
      <h2 id="signals-title">{t("Signals")}</h2>
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
      {unanswered.length > 0 && (
        <ul>
          {unanswered.slice(0, 5).map((s) => (
            <li key={s.subject_id}>
              <a href={`#/conversations/${s.subject_id}`} dir="auto">
                {s.resident_name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
