// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useEffect } from "preact/hooks";
import { LANGUAGES, language, loadFirstSteps, t } from "../i18n";

/**
 * Language choice: each language named in its own script, so anyone can find theirs. While the
 * resident looks for theirs, the first-steps texts of every language load (about 8 KB), so the
 * view after the tap appears without a round trip.
 */
export function LanguageView({ onChoose }: { onChoose: (code: string) => void }) {
  useEffect(() => void loadFirstSteps().catch(() => undefined), []);
  return (
    <section aria-labelledby="language-title">
      <h1 id="language-title" tabIndex={-1}>
        {t("Choose your language")}
      </h1>
      <ul class="languages">
        {LANGUAGES.map((l) => (
          <li key={l.code}>
            <button
              type="button"
              class="choice"
              lang={l.code}
              dir={l.rtl ? "rtl" : "ltr"}
              aria-pressed={l.code === language()}
              onClick={() => onChoose(l.code)}
            >
              {l.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
