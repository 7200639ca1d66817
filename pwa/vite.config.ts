// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/// <reference types="vitest/config" />
import { createHash } from "node:crypto";
import { defineConfig, type Plugin } from "vite";

/** Files the service worker precaches later (after the first view, when idle) besides the views. */
const LATER_FILES = ["/manifest.webmanifest", "/icons/icon.svg", "/icons/icon-192.png"];

/**
 * A returning resident's language is known only in the browser (localStorage). A tiny inline
 * script in <head> starts the download of that language's chunk and of the session as soon as
 * the HTML is parsed, in parallel with the main bundle, instead of after it has run. The server's
 * CSP allows exactly this script by its hash (backend/welkom/web.py); where a host does not, the
 * app works the same, one round trip slower. Returns the source for a language → chunk URL map.
 */
function bootScript(chunks: Record<string, string>): string {
  return `(function(){try{var m=${JSON.stringify(chunks)},l=localStorage.getItem("welkom.language");\
if(!l||!m[l])return;var h=document.head,a=document.createElement("link");a.rel="modulepreload";\
a.href=m[l];h.appendChild(a);var s=document.createElement("link");s.rel="preload";s.as="fetch";\
s.crossOrigin="anonymous";s.href="/api/v1/auth/session";h.appendChild(s)}catch(e){}})();\n`;
}

/**
 * Builds src/sw.ts to /sw.js (no hash: its URL must stay the same) and fills in its two precache
 * lists and a version derived from the content hashes, so every deploy with changes installs a
 * new worker. The shell (`/`, the entry chunk, its imports and CSS) is what the page itself has
 * just loaded: the install takes it from the HTTP cache. Everything else (the other views, the
 * manifest's icons) is fetched later, when the page says the resident's first view is done.
 */
function serviceWorker(): Plugin {
  return {
    name: "welkom-service-worker",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const precache = new Set<string>(["/"]);
      // The boot script, inline first thing in <head>.
      const chunks: Record<string, string> = {};
      for (const file of Object.values(bundle)) {
        const match = file.type === "chunk" && file.facadeModuleId?.match(/i18n\/(\w+)\.json$/);
        if (match) chunks[match[1]] = "/" + file.fileName;
      }
      const boot = bootScript(chunks);
      const html = bundle["index.html"];
      if (!html || html.type !== "asset") this.error("index.html missing");
      html.source = String(html.source).replace(
        '<meta charset="utf-8">',
        `<meta charset="utf-8">\n    <script>${boot}</script>`,
      );
      const sw = Object.values(bundle).find((f) => f.type === "chunk" && f.name === "sw");
      if (!sw || sw.type !== "chunk") this.error("service worker chunk missing");
      const add = (fileName: string) => {
        const file = bundle[fileName];
        if (!file || precache.has("/" + fileName)) return;
        precache.add("/" + fileName);
        if (file.type === "chunk") {
          file.imports.forEach(add);
          file.viteMetadata?.importedCss.forEach((css) => precache.add("/" + css));
        }
      };
      for (const file of Object.values(bundle)) {
        if (file.type === "chunk" && file.isEntry && file.name !== "sw") add(file.fileName);
      }
      const shell = [...precache].sort();
      // Views beyond the first load are chunks of their own (src/routes.tsx): precache them
      // too, so a view the resident has never opened still opens offline.
      LATER_FILES.forEach((f) => precache.add(f));
      for (const file of Object.values(bundle)) {
        if (file.type === "chunk" && file.isDynamicEntry && /\/src\/views\//.test(file.facadeModuleId ?? "")) {
          add(file.fileName);
        }
      }
      const later = [...precache].filter((f) => !shell.includes(f)).sort();
      const version = createHash("sha256")
        .update([...Object.keys(bundle)].sort().join("\n") + boot)
        .digest("hex")
        .slice(0, 12);
      sw.code = sw.code
        .replaceAll("__WELKOM_SHELL__", JSON.stringify(shell))
        .replaceAll("__WELKOM_PRECACHE__", JSON.stringify(later))
        .replaceAll("__WELKOM_VERSION__", JSON.stringify(version));
    },
  };
}

export default defineConfig({
  plugins: [serviceWorker()],
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { index: "index.html", sw: "src/sw.ts" },
      output: {
        entryFileNames: (chunk) => (chunk.name === "sw" ? "sw.js" : "assets/[name]-[hash].js"),
      },
    },
  },
  test: { environment: "node", include: ["test/**/*.test.{ts,tsx}"] },
});
