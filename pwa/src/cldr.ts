// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * A small formatter for CLDR date/time patterns, numbers and lists, from the data that
 * scripts/export_cldr.py exports from Babel to src/cldr/<lang>.json. The browser's `Intl` lacks
 * several of Welkom's languages (it shows Tigrinya dates in English); this formats every language
 * from the same CLDR data. Gregorian calendar, local time.
 */

export interface CldrData {
  /** The CLDR version the data comes from. */
  cldr: string;
  /** The Babel locale the data comes from (prs → fa_AF, kmr → ku). */
  locale: string;
  /** January first. `wide`/`abbreviated` are the format context (in a date), `standAloneWide` a name alone. */
  months: { wide: string[]; abbreviated: string[]; standAloneWide: string[] };
  /** Monday first; `standAloneWide` for a weekday's name alone. */
  days: { wide: string[]; abbreviated: string[]; standAloneWide: string[] };
  date: { medium: string; long: string };
  /** `hour`: the hour alone ("9 AM", "09"), in the hour cycle of `short`. */
  time: { short: string; hour: string };
  /** Combines a date ({1}) and a time ({0}). */
  dateTime: string;
  dayPeriods: { am: string; pm: string };
  numberingSystem: string;
  /** The ten digits of the default numbering system, zero first. */
  digits: string;
  decimal: string;
  group: string;
  minusSign: string;
  list: { start: string; middle: string; end: string; "2": string };
}

/** ASCII digits as the locale writes them (e.g. Arabic-Indic ٠١٢ for Sorani). */
export function localDigits(text: string, data: CldrData): string {
  return data.digits === "0123456789" ? text : text.replace(/[0-9]/g, (d) => data.digits[+d]);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** One pattern field (a run of the same letter), or null when the formatter does not know it. */
function field(letter: string, width: number, date: Date, data: CldrData): string | null {
  const month = date.getMonth();
  const hours = date.getHours();
  const weekday = (date.getDay() + 6) % 7; // Monday = 0
  switch (letter) {
    case "y": {
      const year = date.getFullYear();
      return width === 2 ? pad(year % 100, 2) : pad(year, width);
    }
    case "M":
    case "L":
      if (width <= 2) return pad(month + 1, width);
      if (width === 3) return data.months.abbreviated[month];
      return letter === "L" ? data.months.standAloneWide[month] : data.months.wide[month];
    case "d":
      return pad(date.getDate(), width);
    case "E":
      return width === 4 ? data.days.wide[weekday] : data.days.abbreviated[weekday];
    case "h":
      return pad(hours % 12 || 12, width);
    case "H":
      return pad(hours, width);
    case "m":
      return pad(date.getMinutes(), width);
    case "a":
      return hours < 12 ? data.dayPeriods.am : data.dayPeriods.pm;
    default:
      return null;
  }
}

/**
 * Formats a local date with a CLDR pattern: y yy yyyy, M MM MMM MMMM, L LL LLLL, d dd, E EEE EEEE,
 * h hh H HH, m mm, a; text in single quotes is literal ('' is a quote). Numbers get the locale's
 * digits; an unknown letter is left as it is.
 */
export function formatPattern(pattern: string, date: Date, data: CldrData): string {
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] !== "'") break;
          out += "'";
          j += 2;
        } else out += pattern[j++];
      }
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      const text = field(c, j - i, date, data);
      out += text === null ? pattern.slice(i, j) : /^\d+$/.test(text) ? localDigits(text, data) : text;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** A number with the locale's digits, decimal and group symbols (at most 3 decimals, as CLDR's #,##0.###). */
export function formatNumber(value: number, data: CldrData, grouping = true): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = Math.abs(value).toFixed(3).replace(/\.?0+$/, "").split(".");
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u0000") : whole;
  const text = localDigits(grouped, data).replaceAll("\u0000", data.group);
  const number = fraction ? text + data.decimal + localDigits(fraction, data) : text;
  return value < 0 && number !== localDigits("0", data) ? data.minusSign + number : number;
}

/** Joins items with CLDR's standard list pattern ("a, b and c"). */
export function formatList(items: string[], data: CldrData): string {
  const fill = (pattern: string, a: string, b: string) =>
    pattern.replace(/\{([01])\}/g, (_whole, n: string) => (n === "0" ? a : b));
  if (items.length <= 1) return items[0] ?? "";
  if (items.length === 2) return fill(data.list["2"], items[0], items[1]);
  let result = fill(data.list.end, items[items.length - 2], items[items.length - 1]);
  for (let i = items.length - 3; i > 0; i--) result = fill(data.list.middle, items[i], result);
  return fill(data.list.start, items[0], result);
}

/** Combines a formatted date and time with the locale's pattern. */
export function joinDateTime(date: string, time: string, data: CldrData): string {
  return data.dateTime.replace(/\{([01])\}/g, (_whole, n: string) => (n === "1" ? date : time));
}
