// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Service texts arrive as HTML already cleaned by the server (nh3, a small allowlist). We still
 * never hand it to innerHTML: it is parsed inert (DOMParser runs no scripts and loads nothing) and
 * rebuilt as Preact elements from the same allowlist, so anything else is dropped here too.
 */
import { h, type ComponentChildren } from "preact";
import { direction } from "../i18n";
import { withTerms } from "./in-language";

const TAGS = new Set(["p", "br", "em", "strong", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a", "code"]);
/** Their content goes too, not just the tag. */
const DROP = new Set(["script", "style", "template", "iframe", "object", "embed", "svg", "math", "noscript"]);
const SCHEMES = /^(https?:|mailto:|tel:)/i;

function convert(node: Node, key: number, lang: string | undefined): ComponentChildren {
  if (node.nodeType === Node.TEXT_NODE) return withTerms(node.textContent ?? "", lang);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  if (DROP.has(tag)) return null;
  const children = Array.from(element.childNodes, (child, i) => convert(child, i, lang));
  if (!TAGS.has(tag)) return children; // unknown wrapper: keep its text
  if (tag === "a") {
    const href = element.getAttribute("href")?.trim() ?? "";
    if (!SCHEMES.test(href)) return children;
    return h("a", { key, href, rel: "noopener noreferrer nofollow" }, children);
  }
  return h(tag, { key }, children);
}

/** The server's sanitized HTML as Preact elements, through an allowlist of its own, in its language. */
export function SafeHtml({ html, lang }: { html: string; lang?: string }) {
  const body = new DOMParser().parseFromString(html, "text/html").body;
  return (
    <div class="rich" dir={lang ? direction(lang) : "auto"} lang={lang}>
      {Array.from(body.childNodes, (child, i) => convert(child, i, lang))}
    </div>
  );
}
