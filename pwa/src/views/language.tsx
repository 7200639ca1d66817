// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { LANGUAGES, language, t } from "../i18n";

/** Language choice: each language named in its own script, so anyone can find theirs. */
export function LanguageView({ onChoose }: { onChoose: (code: string) => void }) {
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
