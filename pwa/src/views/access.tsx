// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import type { ViewProps } from "../routes";
import { formatDate, formatList, isolate, t } from "../i18n";
import { ReadState, usePagedRead } from "../components/read";
import type { Schemas } from "../api";

type Access = Schemas["AccessLogEntry"];

function roleLabel(role: string): string {
  switch (role) {
    case "caseworker":
      return t("caseworker");
    case "volunteer":
      return t("volunteer");
    case "coordinator":
      return t("volunteer coordinator");
    case "records_manager":
      return t("records manager");
    case "admin":
      return t("administrator");
    default:
      return role;
  }
}

function fieldLabel(field: string): string {
  switch (field) {
    case "profile":
      return t("your profile");
    case "contact":
      return t("your contact details");
    case "household":
      return t("your household");
    case "journey":
      return t("your journey");
    case "questions":
      return t("your questions");
    case "documents":
      return t("your documents");
    default:
      return field;
  }
}

/** One sentence per action, so every language can order its own words. */
function sentence(a: Access): string {
  const params = { name: isolate(a.actor_name), role: roleLabel(a.actor_role) };
  if (a.action === "read") return t("{name} ({role}) looked at your data", params);
  if (a.action === "update") return t("{name} ({role}) changed your data", params);
  if (a.action === "create") return t("{name} ({role}) added something to your data", params);
  return `${params.name} (${params.role}): ${a.action}`;
}

const PATH = "/api/v1/me/access-log?limit=20";

/** Who looked at my data: every read or change by someone else, newest first. */
export function AccessView(_: ViewProps) {
  const { read, items, hasMore, loadMore } = usePagedRead<Access>(PATH);
  return (
    <section aria-labelledby="access-title">
      <h1 id="access-title" tabIndex={-1}>
        {t("Who looked at my data")}
      </h1>
      <p>
        <a class="button" href="#/data">
          {t("My data")}
        </a>
      </p>
      <p>{t("Every time someone at the municipality or a volunteer looks at or changes your data, it is written down here.")}</p>
      <ReadState read={read} />
      {read.data && items.length === 0 && <p>{t("Nobody has looked at your data yet.")}</p>}
      {items.length > 0 && (
        <ul class="list" data-testid="access-log">
          {items.map((a) => (
            <li key={a.id} class="card">
              <p class="text">
                {sentence(a)}
              </p>
              <p class="meta">
                <time dateTime={a.occurred_at}>{formatDate(a.occurred_at)}</time>
              </p>
              {a.fields.length > 0 && <p class="meta">{t("What: {data}", { data: formatList(a.fields.map(fieldLabel)) })}</p>}
              <p class="meta">
                {t("Reason:")} <span lang="en">{a.purpose}</span>
              </p>
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
