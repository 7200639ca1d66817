// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Content in the language it is really in. The API says which language each text is in (a step's
 * `language`, a service's `language` and `body_language`, a consent text's `language`) and
 * whether a person has checked its translation. Such a text in another language than the app's is
 * never shown silently: it sits in a marked fallback block that carries its own `lang` and `dir`,
 * after a notice in the app's language saying which language was asked for and which one is shown.
 * A machine translation (or one nobody has checked yet) gets a short notice next to it.
 */
import type { ComponentChildren, VNode } from "preact";
import { direction, language, LANGUAGES, t } from "../i18n";

/** The primary language subtag, lower case (`ar-SY` → `ar`). */
function primary(code: string): string {
  return code.trim().toLowerCase().split(/[-_]/)[0];
}

/** Whether a text in `textLanguage` reads as the app's language `appLanguage`. Unknown: yes. */
export function sameLanguage(textLanguage: string | null | undefined, appLanguage: string = language()): boolean {
  if (!textLanguage) return true; // an old cached answer without a language: nothing to say
  return primary(textLanguage) === primary(appLanguage);
}

/** Whether a translation state is a computer's, not yet checked by a person. */
export function isMachine(state: string | null | undefined): boolean {
  return state === "machine";
}

/** Whether a translation state is a translation that nobody has checked yet (a computer's or a person's). */
export function isUnreviewed(state: string | null | undefined): boolean {
  return state === "machine" || state === "translated";
}

/** A language's name in its own script (the code itself for a language the app does not offer). */
export function languageName(code: string): string {
  return LANGUAGES.find((l) => l.code === primary(code))?.name ?? code;
}

/** A language's name in its own script, marked as that language (language of parts). */
export function LanguageName({ code }: { code: string }) {
  return (
    <span class="language-name" lang={code} dir={direction(primary(code))}>
      {languageName(code)}
    </span>
  );
}

/**
 * A translated message with elements in its `{name}` placeholders: `fill(t(msgid), { language:
 * <LanguageName code="ti" /> })`. Each language orders its own words; the parts keep their markup
 * (and their own `lang`).
 */
export function fill(text: string, parts: Record<string, ComponentChildren>): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    if (!(match[1] in parts)) continue;
    if (match.index! > last) out.push(text.slice(last, match.index));
    out.push(parts[match[1]]);
    last = match.index! + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Languages of the app written in another script than Latin. */
const NON_LATIN_SCRIPT = new Set(["ar", "fa", "prs", "ps", "ckb", "ti", "uk", "ru"]);
/** A run of Latin-script words (with the spaces, digits and dots between them): "DigiD", "www.digid.nl". */
const LATIN_RUN = /\p{Script=Latin}(?:[\p{Script=Latin}\p{N}\s.'’&+-]*\p{Script=Latin})?/gu;

/**
 * A plain content text with its Dutch terms marked. Welkom's content is written in Dutch and its
 * translations keep the Dutch words a resident meets on letters and signs ("bijstand", "DigiD",
 * "GGD"), in Latin letters. In a text of a language written in another script, such a run of
 * Latin letters is not in the text's language: it is marked as Dutch (`lang="nl" dir="ltr"`), so
 * a screen reader does not read it with the voice of the text around it and right-to-left text
 * does not reorder it. In a Latin-script text nothing can be told apart, and nothing is marked.
 */
export function withTerms(text: string, lang: string | null | undefined): ComponentChildren {
  if (!lang || !NON_LATIN_SCRIPT.has(primary(lang)) || !/\p{Script=Latin}/u.test(text)) return text;
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    if (match.index! > last) out.push(text.slice(last, match.index));
    out.push(
      <span key={match.index} class="term" lang="nl" dir="ltr">
        {match[0]}
      </span>,
    );
    last = match.index! + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * In the app's language: "This text was translated by a computer and has not been checked yet."
 * (`machine`), or, for a person's translation nobody has checked yet, "This translation has not
 * been checked yet."
 */
export function MachineNotice({ machine = true }: { machine?: boolean }) {
  return (
    <p class="hint machine-notice" lang={language()} dir={direction()} data-testid="machine-notice">
      {machine
        ? t("This text was translated by a computer and has not been checked yet.")
        : t("This translation has not been checked yet.")}
    </p>
  );
}

/** "Not yet available in {language}. Shown in {fallback}.", each name in its own language. */
export function FallbackNotice({ shown }: { shown: string }) {
  return (
    <p class="fallback-notice" lang={language()} dir={direction()} data-testid="fallback-notice">
      {fill(t("Not yet available in {language}. Shown in {fallback}."), {
        language: <LanguageName code={language()} />,
        fallback: <LanguageName code={shown} />,
      })}
    </p>
  );
}

/**
 * Texts of one content object, all in `lang`. In the app's language: as they are (with the
 * machine notice where `machine`). In another language: a marked fallback block with that
 * language's `lang` and `dir`, its notice first. The block is the same element either way, so
 * a heading inside it keeps its focus when the content arrives.
 */
export function InLanguage({
  lang,
  state,
  machine = isMachine(state),
  unreviewed = isUnreviewed(state),
  children,
}: {
  /** The language the texts are really in; unknown (undefined): treated as the app's. */
  lang: string | null | undefined;
  /** Their translation state (source, machine, translated, reviewed), where the API gives one. */
  state?: string | null;
  /** Translated by a computer and not checked yet. */
  machine?: boolean;
  /** A translation nobody has checked yet (by a computer or, where `machine` is false, a person). */
  unreviewed?: boolean;
  children: ComponentChildren;
}): VNode {
  const fallback = !sameLanguage(lang);
  const code = lang && fallback ? lang : language();
  return (
    <div
      class={fallback ? "in-language fallback" : "in-language"}
      lang={code}
      dir={direction(primary(code))}
      data-fallback={fallback ? code : undefined}
    >
      {fallback && <FallbackNotice key="notice" shown={code} />}
      {children}
      {(machine || unreviewed) && <MachineNotice key="machine" machine={machine} />}
    </div>
  );
}
