// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Shapes and labels of the resident's journey, shared by the journey view and home. */
import { t } from "../i18n";
import type { Schemas } from "../api";

export type Step = Schemas["StepOut"];

export type Journey = Schemas["JourneyOut"];

export const JOURNEY_PATH = "/api/v1/me/journey";

export function statusLabel(status: string): string {
  switch (status) {
    case "not_started":
      return t("Not started");
    case "in_progress":
      return t("In progress");
    case "waiting_for_municipality":
      return t("Waiting for the municipality");
    case "done":
      return t("Done");
    case "not_applicable":
      return t("Does not apply to you");
    default:
      return status;
  }
}

/** Who has to do something next, in words. */
export function actorLabel(step: Step): string | null {
  if (step.next_actor === "resident") return t("Next: you");
  if (step.next_actor === "municipality") return t("Next: the municipality");
  if (step.next_actor_name) return t("Next: {name}", { name: step.next_actor_name });
  return null;
}
