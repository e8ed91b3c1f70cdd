import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale } from "./config";
import { messages } from "./messages";
import { timeZone } from "./translator";

// Messages are split by area (site, search, portal, jury, admin, errors) so each area owns its
// own file; every file holds whole namespaces, and both locales have the same files and keys.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return { locale, timeZone, messages: messages[locale] };
});
