import { headers } from "next/headers";
import { SCORE_FIELDS_ID } from "./sheet-ids";

/**
 * Opens the score sheet's fields as soon as the browser has parsed them, before React has loaded:
 * a juror can start typing at first paint instead of waiting for hydration (about half a second
 * later on two busy cores, `node bench/jury-room.mjs`). Scores typed meanwhile are taken into the
 * sheet at hydration (score-form.tsx); the comment waits for React. Without JavaScript the fields
 * stay disabled, as nothing could save them. Placed after the sheet; the per-request policy's nonce lets it run.
 */
export async function EnableScoreFields() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // Enter in a one-criterion sheet would submit the form natively (a reload) before React is here.
  const script = `var f=document.getElementById(${JSON.stringify(SCORE_FIELDS_ID)});if(f){f.disabled=false;f.form&&f.form.addEventListener("submit",function(e){e.preventDefault()})}`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
