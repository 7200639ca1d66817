// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import type { Question } from "../api";
import { t } from "../i18n";
import { caseNumber } from "../reference";

/** Where a question stands in the municipality's case registration. */
export function RegistrationBadge({ question }: { question: Question }) {
  const { state } = question.registration;
  if (state === "registered") {
    return (
      <p class="badge ok" data-state="registered">
        {t("Registered as case {number}", { number: caseNumber(question) })}
      </p>
    );
  }
  if (state === "parked") {
    return (
      <p class="badge warn" data-state="parked">
        {t("The municipality is checking your question by hand.")}
      </p>
    );
  }
  return (
    <p class="badge" data-state={state}>
      {t("Received, being registered")}
    </p>
  );
}
