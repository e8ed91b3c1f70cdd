// Every UI string, by locale: the same JSON files next-intl serves the pages (request.ts) and the
// server's own translator (translator.ts) reads. Each file holds whole namespaces, by area.
import viSite from "./messages/vi/site.json";
import viSearch from "./messages/vi/search.json";
import viPortal from "./messages/vi/portal.json";
import viJury from "./messages/vi/jury.json";
import viAdmin from "./messages/vi/admin.json";
import viErrors from "./messages/vi/errors.json";
import viStatistics from "./messages/vi/statistics.json";
import viNominations from "./messages/vi/nominations.json";
import enSite from "./messages/en/site.json";
import enSearch from "./messages/en/search.json";
import enPortal from "./messages/en/portal.json";
import enJury from "./messages/en/jury.json";
import enAdmin from "./messages/en/admin.json";
import enErrors from "./messages/en/errors.json";
import enStatistics from "./messages/en/statistics.json";
import enNominations from "./messages/en/nominations.json";
import type { Locale } from "./config";

const vi = { ...viSite, ...viSearch, ...viPortal, ...viJury, ...viAdmin, ...viErrors, ...viStatistics, ...viNominations };
const en = { ...enSite, ...enSearch, ...enPortal, ...enJury, ...enAdmin, ...enErrors, ...enStatistics, ...enNominations };

export type Messages = typeof vi;
export const messages: Record<Locale, Messages> = { vi, en };
