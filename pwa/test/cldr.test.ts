// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { beforeAll, describe, expect, it, vi } from "vitest";
import { formatList as listWith, formatNumber as numberWith, formatPattern, type CldrData } from "../src/cldr";
import en from "../src/cldr/en.json";
import kmr from "../src/cldr/kmr.json";
import {
  LANGUAGES,
  dateFieldOrder,
  formatDate,
  formatDay,
  formatHour,
  formatList,
  formatMonth,
  formatNumber,
  formatTime,
  formatWeekday,
  monthNames,
  setLanguage,
} from "../src/i18n";

// 2026-12-12T09:00Z, shown as local time: in UTC, so it reads 9:00 everywhere.
const INSTANT = "2026-12-12T09:00:00Z";
const ETHIOPIC = /^[\u1200-\u137f\s.,:0-9]+$/;
const LATIN_LETTER = /[A-Za-z]/;

process.env.TZ = "UTC"; // before any Date is made

beforeAll(() => {
  // setLanguage sets lang/dir on the document and tells the app; in Node there is none.
  vi.stubGlobal("document", { documentElement: {} });
  vi.stubGlobal("dispatchEvent", () => true);
});

async function data(lang: string): Promise<CldrData> {
  return (await import(`../src/cldr/${lang}.json`)).default as CldrData;
}

describe("dates and times from CLDR in languages the browser's Intl lacks", () => {
  it("has the data of every product language", async () => {
    for (const { code } of LANGUAGES) {
      const cldr = await data(code);
      expect(cldr.months.wide).toHaveLength(12);
      expect(cldr.days.wide).toHaveLength(7);
      expect([...cldr.digits]).toHaveLength(10);
      await setLanguage(code, false);
      expect(formatDate(INSTANT)).toContain([..."2026"].map((d) => cldr.digits[+d]).join(""));
      if (code !== "en") expect(formatDate(INSTANT)).not.toContain("Dec");
    }
  });

  it("writes Tigrinya in Ethiopic script, not in English", async () => {
    const ti = await data("ti");
    await setLanguage("ti", false);
    expect(formatDate(INSTANT)).toBe("ታሕ 12, 2026 9:00 ቅ.ቀ.");
    expect(formatDate(INSTANT)).toContain(ti.months.abbreviated[11]);
    expect(formatDate(INSTANT)).toMatch(ETHIOPIC);
    expect(formatWeekday(1)).toBe(ti.days.standAloneWide[0]);
    expect(formatWeekday(1)).toMatch(ETHIOPIC);
    expect(formatTime("09:00")).toBe("9:00 ቅ.ቀ.");
    expect(formatTime("21:30")).toBe("9:30 ድ.ቀ.");
    for (const name of monthNames()) expect(name).toMatch(ETHIOPIC);
  });

  it("writes Arabic month and day period names, and digits as CLDR's default for ar (Latin)", async () => {
    const ar = await data("ar");
    await setLanguage("ar", false);
    expect(ar.numberingSystem).toBe("latn");
    expect(formatDate(INSTANT)).toBe("12\u200f/12\u200f/2026، 9:00 ص");
    expect(monthNames()[11]).toBe("ديسمبر");
    expect(formatWeekday(6)).toBe("السبت");
    expect(formatList(["أ", "ب", "ج"])).toBe("أ وب وج");
  });

  it("writes Sorani with Arabic-Indic digits and Persian with extended Arabic-Indic digits", async () => {
    await setLanguage("ckb", false);
    expect(formatDate(INSTANT)).toMatch(/٢٠٢٦/);
    expect(formatDate(INSTANT)).toContain("کانونی یەکەم");
    expect(dateFieldOrder()).toEqual(["year", "month", "day"]);
    await setLanguage("fa", false);
    const fa = await data("fa");
    expect(formatDate(INSTANT)).toBe("۱۲ دسامبر ۲۰۲۶،\u200f ۹:۰۰");
    expect(formatDate(INSTANT)).toContain(fa.months.abbreviated[11]);
    expect(formatDate(INSTANT)).not.toMatch(/[0-9]/);
    expect(formatNumber(1234.5)).toBe("۱٬۲۳۴٫۵");
    expect(formatHour(21)).toBe("۲۱");
  });

  it("writes Dari, Pashto and Kurmanji from their own CLDR data", async () => {
    await setLanguage("prs", false);
    expect(formatDate(INSTANT)).toBe("۱۲ دسم ۲۰۲۶،\u200f ۹:۰۰"); // CLDR fa_AF abbreviates December so
    await setLanguage("ps", false);
    expect(formatDate(INSTANT)).toBe("۱۲ دسمبر ۲۰۲۶ ۹:۰۰");
    await setLanguage("kmr", false);
    expect(formatDate(INSTANT)).toBe("12 brf, 2026 09:00");
    expect(formatList(["a", "b", "c"])).toBe("a, b û c");
  });

  it("declines Ukrainian months in a date and names them alone in the nominative", async () => {
    const uk = await data("uk");
    await setLanguage("uk", false);
    expect(formatDate(INSTANT)).toBe("12 груд. 2026\u202fр., 09:00");
    expect(formatDay("2026-12-12")).toContain(uk.months.abbreviated[11]);
    expect(monthNames()[11]).toBe("грудень");
    expect(uk.months.wide[11]).toBe("грудня");
    expect(formatWeekday(6)).toMatch(/^[а-яіїєґʼ']+$/);
    expect(formatWeekday(6)).not.toMatch(LATIN_LETTER);
  });

  it("writes Dutch the Dutch way", async () => {
    await setLanguage("nl", false);
    expect(formatDate(INSTANT)).toBe("12 dec 2026, 09:00");
    expect(formatDay("2026-12-12")).toBe("12 dec 2026");
    expect(formatWeekday(1)).toBe("maandag");
    expect(formatTime("21:30")).toBe("21:30");
    expect(formatNumber(1234567.25)).toBe("1.234.567,25");
    expect(formatList(["a", "b", "c"])).toBe("a, b en c");
    expect(dateFieldOrder()).toEqual(["day", "month", "year"]);
  });
});

describe("CLDR patterns", () => {
  const date = new Date(2026, 11, 12, 9, 5);

  it("keeps quoted text literal, with '' as a quote", () => {
    expect(formatPattern(kmr.date.long, date, kmr)).toBe("12ê berfanbara 2026an");
    expect(formatPattern("h 'o''clock' a", date, en)).toBe("9 o'clock AM");
    expect(formatPattern("HH''mm", date, en)).toBe("09'05");
    expect(formatPattern("'d MMMM y'", date, en)).toBe("d MMMM y");
  });

  it("formats every supported field", () => {
    expect(formatPattern("y yy yyyy M MM MMM MMMM LLLL d dd", date, en)).toBe(
      "2026 26 2026 12 12 Dec December December 12 12",
    );
    expect(formatPattern("E EEE EEEE h hh H HH m mm a", date, en)).toBe("Sat Sat Saturday 9 09 9 09 5 05 AM");
    expect(formatPattern("h:mm a", new Date(2026, 0, 1, 0, 0), en)).toBe("12:00 AM");
    expect(formatPattern("h:mm a", new Date(2026, 0, 1, 12, 0), en)).toBe("12:00 PM");
  });

  it("formats numbers and lists", () => {
    expect(numberWith(-1234.5, en)).toBe("-1,234.5");
    expect(numberWith(0.1 + 0.2, en)).toBe("0.3");
    expect(numberWith(2026, en, false)).toBe("2026");
    expect(listWith([], en)).toBe("");
    expect(listWith(["a"], en)).toBe("a");
    expect(listWith(["a", "b"], en)).toBe("a and b");
    expect(listWith(["a", "b", "c", "d"], en)).toBe("a, b, c, and d");
  });
});

describe("a calendar month (reports by month)", () => {
  it("is the month's name and the year, in the language's order and digits", async () => {
    await setLanguage("nl", false);
    expect(formatMonth("2026-11")).toBe("november 2026");
    await setLanguage("en", false);
    expect(formatMonth("2026-01")).toBe("January 2026");
    await setLanguage("ar", false);
    const ar = await data("ar");
    expect(formatMonth("2026-11")).toContain(ar.months.standAloneWide[10]);
    expect(formatMonth("2026-11")).toContain([..."2026"].map((d) => ar.digits[+d]).join(""));
  });

  it("leaves what is not a month as it is", async () => {
    await setLanguage("nl", false);
    expect(formatMonth("2026-13")).toBe("2026-13");
    expect(formatMonth("total")).toBe("total");
  });
});
