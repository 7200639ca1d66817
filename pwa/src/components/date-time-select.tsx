// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { dateFieldOrder, formatDigits, formatHour, monthNames, t } from "../i18n";

/**
 * Choosing a day or a time of day with selects whose texts come from the language's CLDR data
 * (month names, its digits, its hour cycle). The browser's own date and time pickers speak the
 * browser's language, not the one chosen in Welkom. Values stay `YYYY-MM-DD` and `HH:MM`.
 */

const pad = (n: number) => String(n).padStart(2, "0");

interface FieldProps {
  /** The fieldset's id; its selects are `<id>-day`, `<id>-month`, `<id>-year` / `<id>-hour`, `<id>-minute`. */
  id: string;
  legend: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  /** id of an error message for the selects. */
  describedBy?: string;
}

function Choice(props: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange: (value: string) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        aria-invalid={props.invalid ? "true" : undefined}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Hour and minute (every `step` minutes, and the minute of `value` if it is between). */
export function TimeSelect({ step = 5, ...props }: FieldProps & { step?: number }) {
  const [hour, minute] = props.value.split(":").map(Number);
  const minutes = new Set<number>();
  for (let m = 0; m < 60; m += step) minutes.add(m);
  if (Number.isInteger(minute)) minutes.add(minute);
  const set = (h: number, m: number) => props.onChange(`${pad(h)}:${pad(m)}`);
  const common = { invalid: props.invalid, describedBy: props.describedBy };
  return (
    <fieldset id={props.id} class="time-select">
      <legend>{props.legend}</legend>
      <div class="row">
        <Choice
          id={`${props.id}-hour`}
          label={t("Hour")}
          value={pad(hour)}
          options={Array.from({ length: 24 }, (_, h) => [pad(h), formatHour(h)])}
          onChange={(v) => set(Number(v), minute || 0)}
          {...common}
        />
        <Choice
          id={`${props.id}-minute`}
          label={t("Minute")}
          value={pad(minute)}
          options={[...minutes].sort((a, b) => a - b).map((m) => [pad(m), formatDigits(m, 2)])}
          onChange={(v) => set(hour || 0, Number(v))}
          {...common}
        />
      </div>
    </fieldset>
  );
}

/** Day, month (by name) and year, in the order the language writes them. */
export function DateSelect({ years, ...props }: FieldProps & { years: number[] }) {
  const [year, month, day] = props.value.split("-").map(Number);
  const daysIn = (y: number, m: number) => new Date(y, m, 0).getDate();
  const set = (y: number, m: number, d: number) =>
    props.onChange(`${y}-${pad(m)}-${pad(Math.min(d, daysIn(y, m)))}`);
  const common = { invalid: props.invalid, describedBy: props.describedBy };
  const yearOptions = [...new Set([...years, year])].sort((a, b) => a - b);
  const fields = {
    day: (
      <Choice
        key="day"
        id={`${props.id}-day`}
        label={t("Day")}
        value={pad(day)}
        options={Array.from({ length: daysIn(year, month) }, (_, i) => [pad(i + 1), formatDigits(i + 1)])}
        onChange={(v) => set(year, month, Number(v))}
        {...common}
      />
    ),
    month: (
      <Choice
        key="month"
        id={`${props.id}-month`}
        label={t("Month")}
        value={pad(month)}
        options={monthNames().map((name, i) => [pad(i + 1), name])}
        onChange={(v) => set(year, Number(v), day)}
        {...common}
      />
    ),
    year: (
      <Choice
        key="year"
        id={`${props.id}-year`}
        label={t("Year")}
        value={String(year)}
        options={yearOptions.map((y) => [String(y), formatDigits(y)])}
        onChange={(v) => set(Number(v), month, day)}
        {...common}
      />
    ),
  };
  return (
    <fieldset id={props.id} class="date-select">
      <legend>{props.legend}</legend>
      <div class="row">{dateFieldOrder().map((name) => fields[name])}</div>
    </fieldset>
  );
}
