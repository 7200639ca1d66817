// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Monthly reports as tables and a simple bar chart (with the table as its equivalent). A cell of
 * fewer persons than the threshold, and the cells hidden with it so totals do not reveal it, come
 * as null from the API: they are shown as "suppressed", never as 0.
 */
import { useEffect, useState } from "preact/hooks";
import { request } from "../../api";
import { formatMonth, formatNumber } from "../../i18n";
import { downloadFile, failure, submitErrors } from "../forms";
import { t } from "../i18n";
import { FilterSelect, LoadStatus } from "../list-view";
import { categoryLabel, helpStateLabel } from "../coordination/labels";
import { languageLabel } from "../labels";
import { Alert, FieldError, invalid } from "../messages";
import { bars } from "./chart";
import { kindLabel } from "./registrations";

export interface ReportRow {
  key: string;
  dimensions: Record<string, string>;
  cells: (number | null)[];
  total: number | null;
}

export interface Report {
  report: string;
  period_from: string | null;
  period_to: string | null;
  threshold: number;
  dimensions: string[];
  columns: string[];
  rows: ReportRow[];
  column_totals: (number | null)[];
  grand_total: number | null;
  suppressed: number;
  stats?: { month: string; median_hours: number | null; p90_hours: number | null }[] | null;
  /** Row keys in words where the key is a code (journey steps by their Dutch title). */
  labels?: Record<string, string> | null;
}

export const REPORTS = ["interactions", "response-times", "help-requests", "journey"] as const;

export function reportLabel(name: string): string {
  switch (name) {
    case "interactions":
      return t("Questions and documents per language");
    case "response-times":
      return t("Response times");
    case "help-requests":
      return t("Help requests per category and outcome");
    case "journey":
      return t("Residents per journey step and status (now)");
    default:
      return name;
  }
}

function Cell({ value }: { value: number | null }) {
  return value === null ? <span class="suppressed">{t("suppressed")}</span> : <>{formatNumber(value)}</>;
}

function journeyStatusLabel(status: string): string {
  switch (status) {
    case "not_started":
      return t("Not started");
    case "in_progress":
      return t("In progress");
    case "waiting_for_municipality":
      return t("Waiting for the municipality");
    case "done":
      return t("Done");
    case "not_applicable":
      return t("Not applicable");
    default:
      return status;
  }
}

/** A dimension's name as a column heading. */
function dimensionLabel(dimension: string): string {
  switch (dimension) {
    case "step":
      return t("Step");
    case "kind":
      return t("What");
    case "language":
      return t("Language");
    case "category":
      return t("Help with");
    case "outcome":
    case "answer":
      return t("Status");
    default:
      return dimension;
  }
}

/** A value of a dimension (a code of the API) in words; a journey step by its template's title. */
export function dimensionValue(dimension: string, value: string, labels?: Record<string, string> | null): string {
  switch (dimension) {
    case "step":
      return labels?.[value] ?? value.replace(/_/g, " ");
    case "language":
      return languageLabel(value).name;
    case "kind":
      return kindLabel(value);
    case "category":
      return categoryLabel(value);
    case "outcome":
      return helpStateLabel(value);
    case "answer":
      return value === "answered" ? t("Answered") : t("Unanswered");
    default:
      return value.replace(/_/g, " ");
  }
}

/** A column: a month by its name and year, or a journey status in words. */
function columnLabel(report: string, column: string): string {
  return report === "journey" ? journeyStatusLabel(column) : formatMonth(column);
}

const INPUTS = ["from", "to"] as const;

/** The CSV of a report for the same period (`format=csv`). */
export function reportCsvPath(name: string, params: URLSearchParams): string {
  const query = new URLSearchParams(params);
  query.set("format", "csv");
  return `/api/v1/admin/reports/${encodeURIComponent(name)}?${query}`;
}

export function ReportsView() {
  const [name, setName] = useState<string>("journey");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Partial<Record<"from" | "to", string>>; form: string }>({ fields: {}, form: "" });

  // The query of the report shown, so its CSV is the same report and period.
  const [shown, setShown] = useState("");
  const [csvError, setCsvError] = useState("");
  const load = async () => {
    const params = new URLSearchParams();
    if (from) params.set("from", from);
    if (to) params.set("to", to);
    setBusy(true);
    try {
      const r = await request<Report>(`/api/v1/admin/reports/${name}?${params}`);
      setReport(r.data);
      setShown(reportCsvPath(name, params));
      setCsvError("");
      setErrors({ fields: {}, form: "" });
    } catch (e) {
      setErrors(submitErrors(e, INPUTS));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const chart = report ? bars(report.columns.map((c) => columnLabel(report.report, c)), report.column_totals) : [];
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title" tabIndex={-1}>
        {t("Reports")}
      </h1>
      <form
        class="filters"
        aria-label={t("Report")}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <FilterSelect id="report-name" label={t("Report")} value={name} onChange={setName} options={REPORTS} optionLabel={reportLabel} />
        <div>
          <label for="report-from">{t("From month")}</label>
          <input
            id="report-from"
            type="month"
            placeholder="2026-01"
            value={from}
            {...invalid("report-from", errors.fields.from)}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
          <FieldError id="report-from" error={errors.fields.from} />
        </div>
        <div>
          <label for="report-to">{t("To month")}</label>
          <input
            id="report-to"
            type="month"
            placeholder="2026-12"
            value={to}
            {...invalid("report-to", errors.fields.to)}
            onInput={(e) => setTo(e.currentTarget.value)}
          />
          <FieldError id="report-to" error={errors.fields.to} />
        </div>
        <div class="filter-actions">
          <button type="submit" class="primary" disabled={busy}>
            {t("Show report")}
          </button>
        </div>
      </form>
      <LoadStatus loaded={!!report} error={errors.form} />
      {report && (
        <>
          <h2 data-testid="report-title">{reportLabel(report.report)}</h2>
          <p>
            <button
              type="button"
              data-testid="report-csv"
              onClick={() => {
                setCsvError("");
                downloadFile(shown, `welkom-${report.report}.csv`).catch((e: unknown) => setCsvError(failure(e, t("No connection. Try again."))));
              }}
            >
              {t("Download CSV")}
            </button>
          </p>
          <Alert message={csvError} />
          <p class="meta">
            {report.period_from && <>{t("{from} to {until}", { from: report.period_from, until: report.period_to ?? "" })}. </>}
            {t("Counts of fewer than {threshold} persons are suppressed for privacy, and so are the cells hidden with them so totals do not reveal them.", {
              threshold: report.threshold,
            })}{" "}
            {t("Suppressed here: {count}.", { count: report.suppressed })}
          </p>
          {report.rows.length === 0 ? (
            <p>{t("Nothing to count in this period.")}</p>
          ) : (
            <>
              <figure class="chart" data-testid="report-chart">
                <figcaption>{t("Total per column (the table below has every number)")}</figcaption>
                <ul class="bars">
                  {chart.map((bar) => (
                    <li key={bar.label} data-suppressed={bar.value === null ? "yes" : "no"}>
                      <span class="bar-label">{bar.label}</span>
                      <span class="bar-track" aria-hidden="true">
                        <span class={bar.value === null ? "bar bar-suppressed" : "bar"} style={{ inlineSize: `${bar.value === null ? 100 : bar.percent}%` }} />
                      </span>
                      <span class="bar-value">
                        <Cell value={bar.value} />
                      </span>
                    </li>
                  ))}
                </ul>
              </figure>
              <div class="table-scroll" tabIndex={0} role="region" aria-label={reportLabel(report.report)}>
                <table class="inbox report" data-testid="report-table">
                  <caption class="visually-hidden">{reportLabel(report.report)}</caption>
                  <thead>
                    <tr>
                      {report.dimensions.map((d) => (
                        <th key={d} scope="col">
                          {dimensionLabel(d)}
                        </th>
                      ))}
                      {report.columns.map((c) => (
                        <th key={c} scope="col">
                          {columnLabel(report.report, c)}
                        </th>
                      ))}
                      <th scope="col">{t("Total")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.rows.map((row) => (
                      <tr key={row.key}>
                        {report.dimensions.map((d, i) =>
                          i === 0 ? (
                            <th key={d} scope="row">
                              {dimensionValue(d, row.dimensions[d], report.labels)}
                            </th>
                          ) : (
                            <td key={d}>{dimensionValue(d, row.dimensions[d], report.labels)}</td>
                          ),
                        )}
                        {row.cells.map((value, i) => (
                          <td key={i} class="number">
                            <Cell value={value} />
                          </td>
                        ))}
                        <td class="number">
                          <Cell value={row.total} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={report.dimensions.length}>
                        {t("Total")}
                      </th>
                      {report.column_totals.map((value, i) => (
                        <td key={i} class="number">
                          <Cell value={value} />
                        </td>
                      ))}
                      <td class="number">
                        <Cell value={report.grand_total} />
                      </td>
                    </tr>
                  </tfoot>
                </table>
              </div>
              {report.stats && report.stats.length > 0 && (
                <table class="inbox report" data-testid="report-stats">
                  <caption>{t("Hours to the first answer")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("Month")}</th>
                      <th scope="col">{t("Median")}</th>
                      <th scope="col">{t("90th percentile")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.stats.map((m) => (
                      <tr key={m.month}>
                        <th scope="row">{formatMonth(m.month)}</th>
                        <td class="number">
                          <Cell value={m.median_hours} />
                        </td>
                        <td class="number">
                          <Cell value={m.p90_hours} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
