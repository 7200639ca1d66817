// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "../src/api";
import { changeBody, grantText, type ConsentText } from "../src/components/consent";
import { fill, isMachine, isUnreviewed, languageName, sameLanguage, withTerms } from "../src/components/in-language";
import { setLanguage } from "../src/i18n";
import { languageRefused, languageUnsent, resetLanguageSync, syncLanguage } from "../src/language-sync";

// The little of a browser these modules touch.
const storage = new Map<string, string>();
Object.assign(globalThis, {
  document: { cookie: "welkom_csrf=token-1", documentElement: {} },
  dispatchEvent: () => true,
  localStorage: {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  },
});

const resident: Session = {
  account_id: "acc-1",
  display_name: "Amal",
  roles: ["resident"],
  municipality_id: "m",
  resident_id: "r",
};

describe("content in its own language", () => {
  it("compares languages by their primary subtag; unknown counts as the app's", () => {
    expect(sameLanguage("ar", "ar")).toBe(true);
    expect(sameLanguage("ar-SY", "ar")).toBe(true);
    expect(sameLanguage("fa", "prs")).toBe(false); // Dari is not Persian here: say so
    expect(sameLanguage("en", "ti")).toBe(false);
    expect(sameLanguage(undefined, "ti")).toBe(true);
  });

  it("knows machine and unreviewed states", () => {
    expect(isMachine("machine")).toBe(true);
    expect(isMachine("translated")).toBe(false);
    expect(isUnreviewed("translated")).toBe(true);
    expect(isUnreviewed("reviewed")).toBe(false);
    expect(isUnreviewed("source")).toBe(false);
  });

  it("names languages in their own script", () => {
    expect(languageName("ti")).toBe("ትግርኛ");
    expect(languageName("uk-UA")).toBe("Українська");
    expect(languageName("de")).toBe("de");
  });

  it("fills placeholders with elements in the translation's own word order", () => {
    const a = { type: "span", lang: "ti" };
    const b = { type: "span", lang: "en" };
    expect(fill("Not yet available in {language}. Shown in {fallback}.", { language: a, fallback: b })).toEqual([
      "Not yet available in ",
      a,
      ". Shown in ",
      b,
      ".",
    ]);
    expect(fill("ገና ብ{language} የለን። ብ{fallback} ይርአ ኣሎ።", { language: a, fallback: b })).toEqual([
      "ገና ብ",
      a,
      " የለን። ብ",
      b,
      " ይርአ ኣሎ።",
    ]);
    expect(fill("{fallback}{unknown}", { fallback: b })).toEqual([b, "{unknown}"]);
  });
});

describe("consent on a text nobody has checked", () => {
  const text = (language: string, version: number, reviewed: boolean): ConsentText => ({
    version,
    language,
    title: "t",
    body: "b",
    translation_state: reviewed ? "reviewed" : "machine",
    reviewed,
  });

  it("grants on the text shown when it is reviewed or the municipality allows it", () => {
    const ti = text("ti", 3, false);
    expect(grantText({ text: ti, source_text: text("nl", 3, true), grant_requires_review: false })).toBe(ti);
    const reviewed = text("ar", 2, true);
    expect(grantText({ text: reviewed, source_text: text("nl", 2, true), grant_requires_review: true })).toBe(reviewed);
  });

  it("grants on the Dutch text when the municipality requires a reviewed one", () => {
    const dutch = text("nl", 4, true);
    const chosen = grantText({ text: text("ti", 4, false), source_text: dutch, grant_requires_review: true });
    expect(chosen).toBe(dutch);
    expect(changeBody("share", "grant", chosen!)).toEqual({
      purpose: "share",
      action: "grant",
      text_version: 4,
      language: "nl",
    });
    expect(grantText({ text: text("ti", 4, false), source_text: null, grant_requires_review: true })).toBeNull();
  });
});

describe("the resident's language on the server", () => {
  let calls: { method: string; url: string; body: unknown; csrf: string | null; lang: string | null }[];
  let answer: () => Promise<Response>;

  beforeEach(async () => {
    storage.clear();
    resetLanguageSync();
    await setLanguage("ti", false);
    calls = [];
    answer = async () => new Response(JSON.stringify({ language: "ti", direction: "ltr" }), { status: 200 });
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      const headers = init.headers as Headers;
      calls.push({
        method: init.method ?? "GET",
        url,
        body: JSON.parse(String(init.body)),
        csrf: headers.get("X-CSRF-Token"),
        lang: headers.get("Accept-Language"),
      });
      return answer();
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("sends the app's language for a resident, with the CSRF token", async () => {
    expect(await syncLanguage(resident)).toBe(true);
    expect(calls).toEqual([
      { method: "PUT", url: "/api/v1/me/language", body: { language: "ti" }, csrf: "token-1", lang: "ti" },
    ]);
  });

  it("sends nothing for someone who is not a resident", async () => {
    expect(await syncLanguage({ ...resident, roles: ["volunteer"] })).toBe(false);
    expect(await syncLanguage(null)).toBe(false);
    expect(calls).toEqual([]);
  });

  it("sends once per visit and language; a sign-in sends again; a change sends the new one", async () => {
    await Promise.all([syncLanguage(resident), syncLanguage(resident)]);
    await syncLanguage(resident);
    expect(calls).toHaveLength(1);
    await syncLanguage(resident, true);
    expect(calls).toHaveLength(2);
    await setLanguage("uk", false);
    await syncLanguage(resident);
    expect(calls.map((c) => c.body)).toEqual([{ language: "ti" }, { language: "ti" }, { language: "uk" }]);
  });

  it("keeps a choice made offline and sends it when asked again", async () => {
    answer = async () => {
      throw new TypeError("Failed to fetch");
    };
    expect(await syncLanguage(resident)).toBe(false);
    expect(languageUnsent(resident)).toBe(true);
    answer = async () => new Response("{}", { status: 200 });
    expect(await syncLanguage(resident, true)).toBe(true);
    expect(languageUnsent(resident)).toBe(false);
  });

  it("sends changes in order, one at a time", async () => {
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    answer = async () => {
      await first;
      return new Response("{}", { status: 200 });
    };
    const a = syncLanguage(resident);
    await setLanguage("ru", false);
    const b = syncLanguage(resident);
    await Promise.resolve();
    expect(calls.map((c) => c.body)).toEqual([{ language: "ti" }]);
    release();
    await Promise.all([a, b]);
    expect(calls.map((c) => c.body)).toEqual([{ language: "ti" }, { language: "ru" }]);
  });

  it("says so when the municipality does not offer the language, until another is chosen", async () => {
    const events: string[] = [];
    vi.stubGlobal("dispatchEvent", (event: Event) => (events.push(event.type), true));
    answer = async () => new Response(JSON.stringify({ status: 400, type: "x" }), { status: 400 });
    expect(await syncLanguage(resident)).toBe(false);
    expect(languageRefused()).toBe("ti");
    expect(events).toEqual(["welkom:language-refused"]);
    answer = async () => new Response(JSON.stringify({ language: "uk" }), { status: 200 });
    await setLanguage("uk", false);
    expect(languageRefused()).toBe(null); // the refusal was for another language
    expect(await syncLanguage(resident)).toBe(true);
    await setLanguage("ti", false);
    expect(languageRefused()).toBe(null); // accepted since: forgotten
  });

  it("does not keep retrying a refusal within the visit", async () => {
    answer = async () => new Response(JSON.stringify({ status: 404 }), { status: 404 });
    expect(await syncLanguage(resident)).toBe(false);
    expect(languageUnsent(resident)).toBe(false);
    await syncLanguage(resident);
    expect(calls).toHaveLength(1);
  });
});

describe("Dutch terms in a translation", () => {
  const spans = (children: unknown) =>
    (children as { props?: { lang?: string; children?: string } }[])
      .filter((c) => typeof c === "object")
      .map((c) => [c.props?.lang, c.props?.children]);

  it("marks runs of Latin letters in a text of another script as Dutch", () => {
    const text = "ማሕበራዊ ሓገዝ (bijstand) ብDigiD ኣብ www.digid.nl";
    expect(spans(withTerms(text, "ti"))).toEqual([
      ["nl", "bijstand"],
      ["nl", "DigiD"],
      ["nl", "www.digid.nl"],
    ]);
    expect(spans(withTerms("Соціальна команда (sociaal team)", "uk"))).toEqual([["nl", "sociaal team"]]);
  });

  it("leaves Latin-script texts and texts without Latin letters alone", () => {
    expect(withTerms("Aide sociale (bijstand)", "fr")).toBe("Aide sociale (bijstand)");
    expect(withTerms("مساعدة اجتماعية", "ar")).toBe("مساعدة اجتماعية");
    expect(withTerms("DigiD", undefined)).toBe("DigiD");
  });
});
