import type { ViewProps } from "../routes";
import { formatDay, t } from "../i18n";
import { ReadState, useRead } from "../components/read";
import { actorLabel, JOURNEY_PATH, statusLabel, type Journey, type Step } from "../components/journey";

function StepCard({ step }: { step: Step }) {
  const actor = actorLabel(step);
  return (
    <li
      class={step.is_next ? "card step next" : "card step"}
      data-step={step.key}
      data-status={step.status}
      aria-current={step.is_next ? "step" : undefined}
    >
      {step.is_next && <p class="badge next">{t("Your next step")}</p>}
      <h2 dir="auto" lang={step.language}>{step.title}</h2>
      <p class={step.status === "done" ? "badge ok" : "badge"}>{statusLabel(step.status)}</p>
      {step.status !== "done" && step.status !== "not_applicable" && (
        <>
          <p class="text" dir="auto" lang={step.language}>
            {step.explanation}
          </p>
          {actor && <p class="meta">{actor}</p>}
          {step.due_date && (
            <p class="meta">
              {t("Before {date}", { date: formatDay(step.due_date) })}
            </p>
          )}
          {step.note && <p class="text note">{step.note}</p>}
        </>
      )}
      {step.zaak_identificatie && <p class="meta">{t("Case {number}", { number: step.zaak_identificatie })}</p>}
      {step.translation_state === "machine" && <p class="hint">{t("Translated by a computer.")}</p>}
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
          <p id="journey-progress" data-testid="journey-progress">
            {t("Steps done: {done} of {total}", { done: journey.done, total: journey.total })}
          </p>
          <progress max={journey.total || 1} value={journey.done} aria-labelledby="journey-progress" />
          {journey.steps.length === 0 ? (
            <p>{t("There are no steps for you yet.")}</p>
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
