import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, type Locale } from "./config";

// Messages are split by area (site, search, portal, jury, admin) so each area owns its own file;
// every file holds whole namespaces, and both locales have the same files and keys.
async function loadMessages(locale: Locale) {
  const parts = await Promise.all([
    import(`./messages/${locale}/site.json`),
    import(`./messages/${locale}/search.json`),
    import(`./messages/${locale}/portal.json`),
    import(`./messages/${locale}/jury.json`),
    import(`./messages/${locale}/admin.json`),
  ]);
  return Object.assign({}, ...parts.map((part) => part.default));
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return { locale, timeZone: "Asia/Ho_Chi_Minh", messages: await loadMessages(locale) };
});
