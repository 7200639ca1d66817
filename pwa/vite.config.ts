/// <reference types="vitest/config" />
import { createHash } from "node:crypto";
import { defineConfig, type Plugin } from "vite";

/** Files the service worker precaches besides the hashed entry chunks and their CSS. */
const SHELL_FILES = ["/", "/manifest.webmanifest", "/icons/icon.svg", "/icons/icon-192.png"];

/**
 * Builds src/sw.ts to /sw.js (no hash: its URL must stay the same) and fills in its precache list
 * and a version derived from the content hashes, so every deploy with changes installs a new worker.
 */
function serviceWorker(): Plugin {
  return {
    name: "welkom-service-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const precache = new Set<string>(SHELL_FILES);
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
      const list = [...precache].sort();
      const version = createHash("sha256")
        .update(Object.keys(bundle).sort().join("\n"))
        .digest("hex")
        .slice(0, 12);
      sw.code = sw.code
        .replaceAll("__WELKOM_PRECACHE__", JSON.stringify(list))
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
  test: { environment: "node", include: ["test/**/*.test.ts"] },
});
