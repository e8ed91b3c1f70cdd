// Which entries the public figures count. A contest's figures are public once its results are,
// like the results themselves; before that the number of entries is the secretariat's to tell.
import type { FieldCondition, PublicWinnerField } from "./prizes";
import type { EntryStatus } from "./vocabulary";

/**
 * An entry counts as received by a contest whose results are published when it was submitted and
 * is still submitted (a withdrawn entry was taken back by its author). Eligibility does not matter:
 * an entry found ineligible was still received.
 */
export const COUNTED_ENTRY = [
  { field: "resultsPublishedAt", present: true },
  { field: "status", equals: "submitted" satisfies EntryStatus },
] as const satisfies readonly FieldCondition<Extract<PublicWinnerField, "resultsPublishedAt" | "status">>[];
