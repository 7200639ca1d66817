// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The activation letter: a printable page in Dutch and, below it on a page of its own, in the
 * resident's language, with the code (in text and as the API's QR payload) and plain instructions:
 * scan the QR code (the app opens with the code filled in), or else type the code in. The code is shown once: it lives in
 * this module's memory from issuing until the letter view closes, never in the URL or in storage
 * (the API stores it only hashed and cannot show it again).
 */
import { useEffect, useState } from "preact/hooks";
import type { Schemas } from "../api";
import { direction, intlLocale, isolate } from "../i18n";
import { loadCatalog, t, tIn } from "./i18n";
import { QrCode } from "./qr";

type Resident = Schemas["ResidentDetail"];
type Issued = Schemas["ActivationCodeOut"];

let issued: { resident: Resident; code: Issued } | null = null;

/** Hand a freshly issued code to the letter view (once). */
export function keepIssuedCode(resident: Resident, code: Issued): void {
  issued = { resident, code };
}

/** A date in a language's long form where the browser knows the language, else ISO. */
function longDate(iso: string, code: string): string {
  try {
    return new Intl.DateTimeFormat(intlLocale(code), { dateStyle: "long" }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

function LetterPage({ lang, resident, code }: { lang: string; resident: Resident; code: Issued }) {
  // In the letter's language (named `t` so scripts/compile-catalogs.mjs finds the msgids).
  const t = (msgid: string, params?: Record<string, string | number>) => tIn(lang, msgid, params);
  return (
    <article class="letter" lang={lang} dir={direction(lang)} data-letter-language={lang}>
      <h2>{t("Your activation code for Welkom")}</h2>
      <p>{t("Dear {name},", { name: isolate(resident.preferred_name) })}</p>
      <p>{t("With Welkom you ask the municipality questions and follow your next steps, in your own language.")}</p>
      <p data-testid="letter-scan">
        {t("Scan the QR code below with the camera of your phone. Welkom opens with your code already filled in: choose your language, check the code and choose “{button}”.", {
          button: t("Activate"),
        })}
      </p>
      <p>{t("No camera, or the QR code does not open? Then:")}</p>
      <ol>
        <li>{t("Open {address} on your phone and choose your language.", { address: isolate(`${location.origin}/`) })}</li>
        <li>{t("Choose “{button}” and type in this code:", { button: t("I have an activation code") })}</li>
      </ol>
      <p class="label">{t("Activation code")}</p>
      <div class="code-block">
        <p class="code" dir="ltr" data-testid="activation-code">
          {code.code}
        </p>
        <QrCode class="qr" text={code.qr_payload} />
      </div>
      <p>{t("The code works once, until {date}. Do not share it with anyone.", { date: isolate(longDate(code.expires_at, lang)) })}</p>
      <p>{t("Questions? Ask your caseworker at the municipality.")}</p>
    </article>
  );
}

export function LetterView({ residentId }: { residentId: string }) {
  const [letter] = useState(() => (issued?.resident.id === residentId ? issued : null));
  const [ready, setReady] = useState(false);

  useEffect(() => {
    issued = null; // shown once: leaving or reloading this view forgets the code
    const languages = letter ? ["nl", letter.resident.preferred_language] : [];
    void Promise.all(languages.map(loadCatalog)).then(() => setReady(true));
  }, [letter]);

  if (!letter) {
    return (
      <section>
        <h1 tabIndex={-1}>{t("Activation letter")}</h1>
        <p>{t("The code is no longer shown. Issue a new code if the letter was lost.")}</p>
        <a href={`#/residents/${residentId}`}>{t("Back to the resident")}</a>
      </section>
    );
  }
  const languages = letter.resident.preferred_language === "nl" ? ["nl"] : ["nl", letter.resident.preferred_language];
  return (
    <section aria-labelledby="letter-title">
      <div class="no-print">
        <p>
          <a href={`#/residents/${residentId}`}>{t("Back to the resident")}</a>
        </p>
        <h1 id="letter-title" tabIndex={-1}>
          {t("Activation letter")}
        </h1>
        <p class="notice" role="note">
          {t("The code is shown only now and is not kept here. Print the letter before you leave this page.")}
        </p>
        <button type="button" class="primary" onClick={() => print()}>
          {t("Print the letter")}
        </button>
      </div>
      {ready &&
        languages.map((lang) => <LetterPage key={lang} lang={lang} resident={letter.resident} code={letter.code} />)}
    </section>
  );
}
