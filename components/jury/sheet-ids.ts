/** The score sheet's fieldset: disabled in the server's HTML, enabled by the page's inline script (enable-score-fields.tsx). */
export const SCORE_FIELDS_ID = "score-fields";
