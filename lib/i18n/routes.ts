// The one map of public URLs. Keys are the internal routes under app/[locale]; each locale
// has its own public path. English paths equal the internal ones (behind /en); Vietnamese
// paths are translated and served without a prefix. next.config.ts turns this map into
// rewrites, and lib/i18n/paths.ts builds links from it, so the two can never disagree.

export const locales = ["vi", "en"] as const;
export const defaultLocale = "vi";

export const routes: Record<string, { vi: string }> = {
  "/": { vi: "/" },
  "/stories": { vi: "/cau-chuyen" },
  "/stories/page/[page]": { vi: "/cau-chuyen/trang/[page]" },
  "/stories/[slug]": { vi: "/cau-chuyen/[slug]" },
  "/movements": { vi: "/phong-trao" },
  "/movements/[slug]": { vi: "/phong-trao/[slug]" },
  "/movements/[slug]/page/[page]": { vi: "/phong-trao/[slug]/trang/[page]" },
  "/provinces": { vi: "/tinh-thanh" },
  "/provinces/[slug]": { vi: "/tinh-thanh/[slug]" },
  "/provinces/[slug]/page/[page]": { vi: "/tinh-thanh/[slug]/trang/[page]" },
  "/fields": { vi: "/linh-vuc" },
  "/fields/[slug]": { vi: "/linh-vuc/[slug]" },
  "/fields/[slug]/page/[page]": { vi: "/linh-vuc/[slug]/trang/[page]" },
  "/years/[year]": { vi: "/nam/[year]" },
  "/years/[year]/page/[page]": { vi: "/nam/[year]/trang/[page]" },
  "/kinds/[kind]": { vi: "/doi-tuong/[kind]" },
  "/kinds/[kind]/page/[page]": { vi: "/doi-tuong/[kind]/trang/[page]" },
  "/about": { vi: "/gioi-thieu" },
  "/statistics": { vi: "/thong-ke" },
  "/statistics/csv/[table]": { vi: "/thong-ke/csv/[table]" },
  "/statistics/contest": { vi: "/thong-ke/cuoc-thi" },
  "/search": { vi: "/tim-kiem" },
  "/contest": { vi: "/cuoc-thi" },
  "/feed.xml": { vi: "/feed.xml" },
  "/signup": { vi: "/dang-ky" },
  "/signin": { vi: "/dang-nhap" },
  "/account/password": { vi: "/tai-khoan/mat-khau" },
  "/password/forgot": { vi: "/quen-mat-khau" },
  "/password/reset": { vi: "/dat-lai-mat-khau" },
  "/account/two-factor": { vi: "/tai-khoan/xac-thuc-hai-buoc" },
  "/entries": { vi: "/bai-du-thi" },
  "/entries/new": { vi: "/bai-du-thi/moi" },
  "/entries/[id]": { vi: "/bai-du-thi/[id]" },
  "/entries/[id]/receipt": { vi: "/bai-du-thi/[id]/bien-nhan" },
  "/jury": { vi: "/giam-khao" },
  "/jury/[id]": { vi: "/giam-khao/[id]" },
  "/results/[year]": { vi: "/ket-qua/[year]" },
  "/results/[year]/[code]": { vi: "/ket-qua/[year]/[code]" },
  "/admin": { vi: "/thu-ky" },
  "/admin/entries": { vi: "/thu-ky/bai-du-thi" },
  "/admin/entries/[id]": { vi: "/thu-ky/bai-du-thi/[id]" },
  "/admin/rounds": { vi: "/thu-ky/vong" },
  "/admin/rounds/[id]": { vi: "/thu-ky/vong/[id]" },
  "/admin/prizes": { vi: "/thu-ky/giai-thuong" },
  "/admin/prizes/preview": { vi: "/thu-ky/giai-thuong/xem-truoc" },
  "/admin/messages": { vi: "/thu-ky/mau-thu" },
  "/admin/accounts": { vi: "/thu-ky/tai-khoan" },
  "/admin/audit": { vi: "/thu-ky/nhat-ky" },
  "/admin/exports": { vi: "/thu-ky/xuat-du-lieu" },
  "/nominate": { vi: "/de-cu" },
  "/nominate/sent": { vi: "/de-cu/da-gui" },
  "/nominate/problem": { vi: "/de-cu/chua-gui" },
  "/nominate/follow": { vi: "/de-cu/theo-doi" },
  "/nominate/consent": { vi: "/de-cu/dong-y" },
  "/editor": { vi: "/bien-tap" },
  "/editor/[code]": { vi: "/bien-tap/[code]" },
};

/** A next.config rewrite. */
export type Rewrite = { source: string; destination: string };

/** "/stories/[slug]" -> "/stories/:slug" (path-to-regexp, as next.config wants). */
export function toPattern(path: string): string {
  return path.replace(/\[(\w+)\]/g, ":$1");
}

/** Rewrites that serve each Vietnamese public path from its internal route under /vi. */
export function localeRewrites(): { exact: Rewrite[]; fallback: Rewrite } {
  const exact = Object.entries(routes).map(([internal, { vi }]) => ({
    source: toPattern(vi),
    destination: "/vi" + toPattern(internal === "/" ? "" : internal),
  }));
  // Anything else without the /en prefix is Vietnamese too, so unknown paths reach the
  // localized 404 page instead of the bare framework one.
  const fallback = {
    source: "/:path((?!en(?:/|$)|vi(?:/|$)|api/|og/|_next/).*)",
    destination: "/vi/:path",
  };
  return { exact, fallback };
}
