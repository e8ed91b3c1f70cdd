import { headers } from "next/headers";
import { SCORE_FIELDS_ID } from "./sheet-ids";

/**
 * Opens the score sheet's fields as soon as the browser has parsed them, before React has loaded:
 * a juror can start typing at first paint instead of waiting for hydration (about half a second
 * later on two busy cores, `node bench/jury-room.mjs`). What is typed meanwhile is taken into the
 * sheet at hydration (score-form.tsx). Without JavaScript the fields stay disabled, as nothing
 * could save them. Placed after the sheet; the per-request policy's nonce lets it run.
 */
export async function EnableScoreFields() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const script = `var f=document.getElementById(${JSON.stringify(SCORE_FIELDS_ID)});if(f)f.disabled=false;`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
