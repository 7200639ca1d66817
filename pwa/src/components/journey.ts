// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Shapes and labels of the resident's journey, shared by the journey view and home. */
import { t } from "../i18n";

export interface Step {
  id: string;
  key: string;
  title: string;
  explanation: string;
  language: string;
  translation_state: string;
  status: string;
  is_next: boolean;
  due_date: string | null;
  next_actor: string | null;
  next_actor_name: string | null;
  note: string | null;
  service_item_id: string | null;
  zaak_identificatie: string | null;
}

export interface Journey {
  next_step: Step | null;
  steps: Step[];
  done: number;
  total: number;
}

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
