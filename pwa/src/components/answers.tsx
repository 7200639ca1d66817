// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The municipality's answers to one of the resident's questions (GET /me/questions/{id}/answers),
 * each in the language it was written in; a machine translation sent with it is shown below the
 * original, marked as such. Nothing is shown while there is no answer or when they cannot be
 * loaded (offline: the question list says so already).
 */
import { useEffect, useState } from "preact/hooks";
import { request, type Schemas } from "../api";
import { direction, formatDate, t } from "../i18n";
import { MachineNotice } from "./in-language";

type Answer = Schemas["AnswerForResident"];

export function Answers({ questionId }: { questionId: string }) {
  const [answers, setAnswers] = useState<Answer[]>([]);

  useEffect(() => {
    let current = true;
    request<Answer[]>(`/api/v1/me/questions/${questionId}/answers`).then(
      (r) => current && setAnswers(r.data),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [questionId]);

  if (answers.length === 0) return null;
  return (
    <ul class="list answers" data-testid="answers">
      {answers.map((a) => (
        <li key={a.id}>
          <p class="meta">
            <strong>{t("Answer from the municipality")}</strong> ·{" "}
            <time dateTime={a.created_at}>{formatDate(a.created_at)}</time>
          </p>
          <p class="text" lang={a.language} dir={direction(a.language)}>
            {a.text}
          </p>
          {a.translation && (
            <div lang={a.translation.language} dir={direction(a.translation.language)}>
              <p class="text">{a.translation.text}</p>
              <MachineNotice />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
