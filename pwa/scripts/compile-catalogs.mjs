#!/usr/bin/env node
// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Compiles the PWA's gettext catalogs (locales/<lang>/LC_MESSAGES/pwa.po) to JSON chunks in
 * .generated/i18n/<lang>.json at build time. Fuzzy (machine-made or unreviewed) translations are
 * used, as the API does, and counted so the app can show its "not checked yet" notice.
 * With --check it fails when a msgid used in src/ is missing from a catalog.
 *
 * The staff back office (src/staff/) shares the catalogs: the msgids only it uses are left out
 * of the resident app's chunks and compiled to .generated/i18n-staff/<lang>.json instead (every
 * msgid of src/staff/ and of the shared modules the back office imports, e.g. src/help-labels.ts),
 * so the back office's strings add nothing to a resident's download.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import gettextParser from "gettext-parser";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const locales = join(root, "..", "locales");
const out = join(root, ".generated", "i18n");
const staffOut = join(root, ".generated", "i18n-staff");
const staffSources = join(root, "src", "staff");
const staffEntry = join(staffSources, "main.tsx");
const LANGUAGES = ["nl", "en", "ar", "ti", "fa", "prs", "ps", "so", "tr", "uk", "ru", "kmr", "ckb", "fr"];

/**
 * The app around the first view after the language choice (sign-in) and that view: their texts in
 * every language go into one small chunk (.generated/first-steps.json) the language choice loads,
 * so the view after a tap on a language needs no round trip; the full catalog follows.
 */
const FIRST_STEPS = ["src/app.tsx", "src/views/language.tsx", "src/views/login.tsx"];

/** msgids passed to t("…") in one source file, added to `ids`. */
function extractFile(path, ids) {
  const source = readFileSync(path, "utf8");
  for (const m of source.matchAll(/\bt\(\s*"((?:[^"\\]|\\.)*)"/g)) ids.add(JSON.parse(`"${m[1]}"`));
  return ids;
}

/** msgids passed to t("…") in the sources. */
export function extract(dir = join(root, "src"), skip = null) {
  const ids = new Set();
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (path === skip) continue;
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) extractFile(path, ids);
    }
  };
  walk(dir);
  return ids;
}

/** The source file a relative import names (`./x`, `../x`: x.ts, x.tsx or x/index.ts[x]), or null. */
function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Every source file reachable from `entry` through relative imports (static, `export … from`,
 * dynamic `import("…")`; type-only ones too, which cost nothing): the modules a build of that
 * entry can call `t("…")` in.
 */
export function reachable(entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)"(\.{1,2}\/[^"]+)"/gm)) {
      const target = resolveImport(file, m[1]);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}

/** msgids the back office shows: of src/staff/ and of the shared modules it imports. */
export function staffMsgids() {
  const ids = extract(staffSources);
  for (const file of reachable(staffEntry)) extractFile(file, ids);
  return ids;
}

function compile(lang) {
  const file = join(locales, lang, "LC_MESSAGES", "pwa.po");
  const messages = {};
  const unreviewed = [];
  const known = new Set();
  if (existsSync(file)) {
    const po = gettextParser.po.parse(readFileSync(file));
    for (const context of Object.values(po.translations)) {
      for (const [id, entry] of Object.entries(context)) {
        if (!id) continue;
        known.add(id);
        const text = entry.msgstr?.[0];
        if (!text) continue;
        messages[id] = text;
        if (/\bfuzzy\b/.test(entry.comments?.flag ?? "")) unreviewed.push(id);
      }
    }
  }
  return { messages, unreviewed, known };
}

/** Compiles every language's chunks (the script's work; importing the module only defines). */
function main() {
  mkdirSync(out, { recursive: true });
  mkdirSync(staffOut, { recursive: true });
  const used = extract();
  const residentIds = extract(join(root, "src"), staffSources);
  const staffIds = existsSync(staffEntry) ? staffMsgids() : new Set();
  const firstIds = new Set();
  for (const file of FIRST_STEPS) extractFile(join(root, file), firstIds);
  const firstSteps = {};
  let missing = 0;
  for (const lang of LANGUAGES) {
    const { messages, unreviewed, known } = compile(lang);
    const staffMessages = {};
    for (const id of staffIds) {
      if (messages[id]) staffMessages[id] = messages[id];
      if (!residentIds.has(id)) delete messages[id];
    }
    const unreviewedResident = unreviewed.filter((id) => id in messages).length;
    // Only how many are unreviewed: the app needs no more to show its notice, and the msgids a
    // second time would add about 1 KB (gzip) to every language's first load.
    writeFileSync(join(out, `${lang}.json`), JSON.stringify({ messages, unreviewed: unreviewedResident }));
    const unreviewedStaff = unreviewed.filter((id) => id in staffMessages).length;
    writeFileSync(join(staffOut, `${lang}.json`), JSON.stringify({ messages: staffMessages, unreviewed: unreviewedStaff }));
    const first = Object.fromEntries([...firstIds].filter((id) => id in messages).map((id) => [id, messages[id]]));
    firstSteps[lang] = { messages: first, unreviewed: unreviewedResident };
    for (const id of used) {
      if (!known.has(id)) {
        missing++;
        if (process.argv.includes("--check")) console.error(`${lang}: missing msgid ${JSON.stringify(id)}`);
      }
    }
  }
  writeFileSync(join(out, "..", "first-steps.json"), JSON.stringify(firstSteps));
  if (process.argv.includes("--check") && missing) process.exit(1);
  console.log(`compiled ${LANGUAGES.length} PWA catalogs (${used.size} msgids in src/)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
