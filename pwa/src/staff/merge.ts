// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * A field-by-field merge after an `If-Match` conflict (412): the user's changes were made to the
 * version they loaded (`base`); a colleague saved another version (`theirs`) in the meantime.
 * What only the user changed is applied to the new version; what only the colleague changed
 * stays; a field both changed to different values is a conflict the user decides.
 */

export interface FieldConflict<K extends string> {
  field: K;
  mine: string;
  theirs: string;
}

export interface Merge<K extends string> {
  /** The values to show and save next: the new version with the user's own changes on top. */
  draft: Record<K, string>;
  /** Fields only the user changed: applied by the next save without asking. */
  applied: K[];
  /** Fields both changed differently; the draft holds the user's value until they choose. */
  conflicts: FieldConflict<K>[];
}

export function mergeFields<K extends string>(
  fields: readonly K[],
  base: Record<K, string>,
  mine: Record<K, string>,
  theirs: Record<K, string>,
): Merge<K> {
  const draft = { ...theirs };
  const applied: K[] = [];
  const conflicts: FieldConflict<K>[] = [];
  for (const field of fields) {
    if (mine[field] === base[field] || mine[field] === theirs[field]) continue;
    draft[field] = mine[field];
    if (theirs[field] === base[field]) applied.push(field);
    else conflicts.push({ field, mine: mine[field], theirs: theirs[field] });
  }
  return { draft, applied, conflicts };
}

/** The fields whose value in `draft` differs from the saved version's. */
export function changedFields<K extends string>(fields: readonly K[], saved: Record<K, string>, draft: Record<K, string>): K[] {
  return fields.filter((field) => saved[field] !== draft[field]);
}
