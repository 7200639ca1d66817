// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** A report's bar chart as data: each bar's share of the largest shown value, suppressed bars apart. */

export interface Bar {
  label: string;
  /** null: suppressed (a small count hidden for privacy), never drawn as 0. */
  value: number | null;
  /** Length in percent of the largest shown value (0 for a suppressed bar). */
  percent: number;
}

export function bars(labels: string[], values: (number | null)[]): Bar[] {
  const shown = values.filter((v): v is number => v !== null);
  const largest = Math.max(0, ...shown);
  return labels.map((label, i) => {
    const value = values[i] ?? null;
    return {
      label,
      value,
      percent: value === null || largest === 0 ? 0 : Math.round((value / largest) * 1000) / 10,
    };
  });
}
