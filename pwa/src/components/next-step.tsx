// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { t } from "../i18n";
import { InLanguage, withTerms } from "./in-language";
import { type Journey, statusLabel } from "./journey";

/** Home: the resident's next journey step, where the server has a journey for them (home loads it). */
export function NextStep({ journey }: { journey: Journey | null }) {
  const step = journey?.next_step;
  if (!step) return null;
  return (
    <article class="card next" aria-labelledby="next-step-title" data-testid="next-step">
      <h2 id="next-step-title">{t("Your next step")}</h2>
      <InLanguage lang={step.language} state={step.translation_state}>
        <p class="text">{withTerms(step.title, step.language)}</p>
      </InLanguage>
      <p class="badge">{statusLabel(step.status)}</p>
      <div class="actions">
        <a class="button" href="#/journey">
          {t("My journey")}
        </a>
      </div>
    </article>
  );
}
