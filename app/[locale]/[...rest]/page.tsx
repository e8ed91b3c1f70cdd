import { notFound } from "next/navigation";

// Any path the site does not have renders the localized not-found page.
export default function CatchAll() {
  notFound();
}
