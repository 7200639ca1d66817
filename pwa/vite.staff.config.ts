// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/// <reference types="vitest/config" />
/**
 * The staff back office (`/staff/`), built after the resident app (vite.config.ts) as a build
 * of its own into dist/staff/: its chunks share no file with the resident app's, so nothing of
 * the back office is in the resident's first load or in the service worker's precache, and the
 * resident's files are byte for byte what they are without it. It shares the sources
 * (src/api.ts, src/i18n.ts, the catalogs), each build bundling its own copy.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL("./staff", import.meta.url)),
  base: "/staff/",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    target: "es2022",
    outDir: fileURLToPath(new URL("./dist/staff", import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
