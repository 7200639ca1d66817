// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import type { ViewProps } from "../routes";
import { formatDay, t } from "../i18n";
import { ReadState, useRead } from "../components/read";
import { actorLabel, JOURNEY_PATH, statusLabel, type Journey, type Step } from "../components/journey";
import { InLanguage, withTerms } from "../components/in-language";

/**
 * A caseworker's note, in whatever language they wrote it: the API does not say which, so it is
 * marked as of unknown language (`lang=""`, direction from its own letters) under a label in the
 * app's language, instead of passing for a text in the app's language.
 */
function CaseworkerNote({ note }: { note: string }) {
  return (
    <div class="note">
      <p class="meta">{t("Note from your caseworker:")}</p>
      <p class="text" lang="" dir="auto" data-testid="caseworker-note">
        {note}
      </p>
    </div>
  );
}

function StepCard({ step }: { step: Step }) {
  const actor = actorLabel(step);
  const open = step.status !== "done" && step.status !== "not_applicable";
  return (
    <li
      class={step.is_next ? "card step next" : "card step"}
      data-step={step.key}
      data-status={step.status}
      aria-current={step.is_next ? "step" : undefined}
    >
      {step.is_next && <p class="badge next">{t("Your next step")}</p>}
      <InLanguage lang={step.language} state={step.translation_state}>
        <h2>{withTerms(step.title, step.language)}</h2>
        {open && <p class="text">{withTerms(step.explanation, step.language)}</p>}
      </InLanguage>
      <p class={step.status === "done" ? "badge ok" : "badge"}>{statusLabel(step.status)}</p>
      {open && (
        <>
          {actor && <p class="meta">{actor}</p>}
          {step.due_date && (
            <p class="meta">
              {t("Before {date}", { date: formatDay(step.due_date) })}
            </p>
          )}
          {step.note && <CaseworkerNote note={step.note} />}
        </>
      )}
      {step.zaak_identificatie && <p class="meta">{t("Case {number}", { number: step.zaak_identificatie })}</p>}
      {step.service_item_id && (
        <a class="button" href={`#/service?id=${encodeURIComponent(step.service_item_id)}`}>
          {t("More information")}
        </a>
      )}
    </li>
  );
}

/** My journey: every step of settling in, the next one first and highlighted. */
export function JourneyView(_: ViewProps) {
  const read = useRead<Journey>(JOURNEY_PATH);
  const journey = read.data;
  return (
    <section aria-labelledby="journey-title">
      <h1 id="journey-title" tabIndex={-1}>
        {t("My journey")}
      </h1>
      <ReadState read={read} />
      {journey && (
        <>
          {journey.total > 0 && (
            <>
              <p id="journey-progress" data-testid="journey-progress">
                {t("Steps done: {done} of {total}", { done: journey.done, total: journey.total })}
              </p>
              <progress max={journey.total} value={journey.done} aria-labelledby="journey-progress" />
            </>
          )}
          {journey.steps.length === 0 ? (
            <div class="empty">
              <p>
                <strong>{t("There are no steps for you yet.")}</strong>
              </p>
              <p>{t("Your caseworker adds the steps of your journey here.")}</p>
            </div>
          ) : (
            <ol class="list" data-testid="journey">
              {journey.steps.map((step) => (
                <StepCard key={step.id} step={step} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
