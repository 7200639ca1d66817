#!/usr/bin/env node
// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Generates src/api-types.ts from the committed API contract (../docs/openapi.json, written by
 * `welkom openapi`) with openapi-typescript. The app's API shapes are aliases of these types
 * (src/api.ts), so a change to the API that the app does not follow fails `tsc`.
 * With --check it writes nothing and fails when src/api-types.ts is not what the contract gives
 * (scripts/test.d/50-pwa.sh runs it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const contract = join(root, "..", "docs", "openapi.json");
const target = join(root, "src", "api-types.ts");

const HEADER = `// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Generated from docs/openapi.json by \`npm run api-types\` (scripts/api-types.mjs). Do not edit:
 * change the API, run \`welkom openapi > docs/openapi.json\`, then regenerate.
 */

`;

const document = JSON.parse(readFileSync(contract, "utf-8"));
// A field is present when the schema says `required`: a default does not make it present (the
// compact resident responses omit fields at their default).
const generated = HEADER + astToString(await openapiTS(document, { defaultNonNullable: false }));

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf-8");
  } catch {
    // missing: stale
  }
  if (current !== generated) {
    console.error(
      "pwa/src/api-types.ts is not what docs/openapi.json gives: run `cd pwa && npm run api-types`",
    );
    process.exit(1);
  }
} else {
  writeFileSync(target, generated);
}
