// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from "preact/hooks";
import type { ViewProps } from "../routes";
import { t } from "../i18n";
import { ReadState, usePagedRead } from "../components/read";
import { InLanguage, withTerms } from "../components/in-language";
import { CATEGORIES, categoryLabel, hashParams, type ServiceSummary } from "../components/services";

function listPath(category: string, q: string): string {
  const params = new URLSearchParams({ limit: "50" });
  if (category) params.set("category", category);
  if (q) params.set("q", q);
  return `/api/v1/services?${params}`;
}

/**
 * Services: what the municipality and its partners offer, by category or by search. The filter
 * lives in the hash (`#/services?category=…&q=…`), so "back" and a reload keep it.
 */
export function ServicesView(_: ViewProps) {
  const [params, setParams] = useState(hashParams);
  const category = params.get("category") ?? "";
  const q = params.get("q") ?? "";
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]); // back and forward change the search too
  const path = listPath(category, q);
  const { read, items, hasMore, loadMore } = usePagedRead<ServiceSummary>(path);

  useEffect(() => {
    const onHash = () => setParams(hashParams());
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);

  const show = (next: { category?: string; q?: string }) => {
    const wanted = new URLSearchParams();
    const c = next.category ?? category;
    const query = (next.q ?? q).trim();
    if (c) wanted.set("category", c);
    if (query) wanted.set("q", query);
    const suffix = wanted.toString();
    location.hash = suffix ? `#/services?${suffix}` : "#/services";
  };

  return (
    <section aria-labelledby="services-title">
      <h1 id="services-title" tabIndex={-1}>
        {t("Services")}
      </h1>
      <form
        role="search"
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          show({ q: text });
        }}
      >
        <label for="services-q">{t("Search services")}</label>
        <div class="row">
          <input
            id="services-q"
            type="search"
            maxLength={100}
            value={text}
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="primary">
            {t("Search")}
          </button>
        </div>
      </form>
      <h2 id="categories-title">{t("Categories")}</h2>
      <ul class="chips" aria-labelledby="categories-title">
        <li>
          <button type="button" aria-pressed={category === ""} onClick={() => show({ category: "" })}>
            {t("All")}
          </button>
        </li>
        {CATEGORIES.map((code) => (
          <li key={code}>
            <button
              type="button"
              data-category={code}
              aria-pressed={category === code}
              onClick={() => show({ category: category === code ? "" : code })}
            >
              {categoryLabel(code)}
            </button>
          </li>
        ))}
      </ul>
      <ReadState read={read} />
      {read.data && (
        <p role="status" class="meta" data-testid="services-count">
          {t("Services found: {count}", { count: items.length })}
        </p>
      )}
      {items.length > 0 && (
        <ul class="list" data-testid="services">
          {items.map((s) => (
            <li key={s.id} class="card" data-service-id={s.id}>
              <InLanguage lang={s.language} unreviewed={s.unreviewed}>
                <h2 class="card-title">
                  <a href={`#/service?id=${encodeURIComponent(s.id)}`}>{withTerms(s.title, s.language)}</a>
                </h2>
                <p class="text">{withTerms(s.summary, s.language)}</p>
              </InLanguage>
              <p class="meta">{categoryLabel(s.category)}</p>
            </li>
          ))}
        </ul>
      )}
      {hasMore && (
        <button type="button" onClick={() => void loadMore()}>
          {t("Show more")}
        </button>
      )}
    </section>
  );
}
