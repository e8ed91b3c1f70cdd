import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { siteSettings } from "@/lib/auth/enrolment";
import { requireSecretariat } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { listAccounts } from "@/lib/db/queries/accounts";
import { accountMessages } from "@/lib/db/queries/mail";
import { EntryMessages } from "@/components/admin/entry-messages";
import { ROLES, type Role } from "@/lib/db/schema";
import { formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { accountListQuery } from "@/lib/validation/admin";
import { Pagination } from "@/components/pagination";
import { AccountForm } from "@/components/admin/account-form";
import { ActionForm } from "@/components/admin/action-form";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { AdminPage } from "../_views/admin-page";
import { DataTable, td } from "../_views/table-scroll";
import { FilterActions } from "../_views/filter-actions";

type Search = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.Accounts" });
  return { title: t("title") };
}

/** Accounts: find by name or e-mail and role, create juror, secretariat and editor accounts, change a role, disable or enable. */
export default async function AdminAccountsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const here = localizedPath(locale, "/admin/accounts");
  const caller = await requireSecretariat(locale, here);
  const t = await getTranslations({ locale, namespace: "Admin.Accounts" });
  const roles = await getTranslations({ locale, namespace: "Admin.Status.role" });
  const search = await searchParams;
  const raw = Object.fromEntries(["q", "role", "page"].flatMap((k) => (typeof search[k] === "string" ? [[k, search[k]]] : [])));
  // The list's own query schema; a hand-edited URL with a wrong value shows the first page unfiltered.
  const parsed = accountListQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : { q: "", page: 1, role: undefined };
  const db = await getDb();
  const list = await listAccounts(db, query);
  // Jurors' messages (reminders, invitations): what the secretariat has sent each of them.
  const messages = await accountMessages(db, list.accounts.filter((a) => a.role === "juror").map((a) => a.id));
  const m = await getTranslations({ locale, namespace: "Admin.Messages" });
  const { twoFactorRequiredForStaff: required } = await siteSettings(db);
  const roleNames = Object.fromEntries(ROLES.map((r) => [r, roles(r)])) as Record<Role, string>;
  const hrefFor = (page: number) => {
    const qs = new URLSearchParams();
    if (query.q) qs.set("q", query.q);
    if (query.role) qs.set("role", query.role);
    if (page > 1) qs.set("page", String(page));
    const s = qs.toString();
    return s ? `${here}?${s}` : here;
  };
  const control = "mt-1 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base";

  return (
    <AdminPage locale={locale} caller={caller} section="/admin/accounts" title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/admin/accounts")} forms={["AccountForm"]}>
      <div className="max-w-4xl">
        <AccountForm locale={locale} roleNames={{ juror: roleNames.juror, secretariat: roleNames.secretariat, editor: roleNames.editor }} />
      </div>

      <section aria-labelledby="two-factor-title" className="mt-10 max-w-4xl rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
        <h2 id="two-factor-title" className="text-xl font-bold">
          {t("twoFactorTitle")}
        </h2>
        <p className="mt-2">{required ? t("twoFactorRequiredOn") : t("twoFactorRequiredOff")}</p>
        <div className="mt-3">
          <ActionForm
            locale={locale}
            method="PUT"
            url="/api/admin/settings"
            body={{ twoFactorRequiredForStaff: !required }}
            submitLabel={required ? t("twoFactorUnrequire") : t("twoFactorRequire")}
            confirm={required ? undefined : t("twoFactorRequireConfirm")}
            done={t("twoFactorSaved")}
            tone={required ? "secondary" : "primary"}
          />
        </div>
      </section>

      <h2 className="mt-10 text-2xl font-bold">{t("list")}</h2>
      <form method="get" action={here} role="search" aria-label={t("filters")} className="mt-3 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-3">
        <div className="sm:col-span-2">
          <label htmlFor="accounts-q" className="block font-semibold">
            {t("query")}
          </label>
          <input id="accounts-q" name="q" type="search" defaultValue={query.q} maxLength={200} className={control} />
        </div>
        <div>
          <label htmlFor="accounts-role" className="block font-semibold">
            {t("role")}
          </label>
          <select id="accounts-role" name="role" defaultValue={query.role ?? ""} className={control}>
            <option value="">{t("anyRole")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleNames[r]}
              </option>
            ))}
          </select>
        </div>
        <FilterActions apply={t("apply")} reset={t("reset")} resetHref={here} className="sm:col-span-3" />
      </form>

      <p className="mt-6 font-semibold">{t("total", { total: list.total })}</p>
      {list.accounts.length > 0 && (
        <DataTable label={t("list")} className="min-w-[52rem]" columns={[t("name"), t("role"), t("state"), t("createdAt"), t("actions")]}>
          {list.accounts.map((a) => {
            const self = a.id === caller.id;
            return (
              <tr key={a.id} data-testid="account-row">
                <th scope="row" className={`${td} text-left font-normal`}>
                  <span className="font-semibold">{a.name}</span>
                  <span className="block break-all text-sm text-stone-700">{a.email}</span>
                  {a.outlet && <span className="block text-sm text-stone-700">{a.outlet}</span>}
                  {a.role === "juror" && (
                    <details className="mt-2 text-sm" data-testid="juror-messages">
                      <summary className="cursor-pointer font-semibold text-brand-700">{m("jurorMessages", { count: messages.get(a.id)?.length ?? 0 })}</summary>
                      <div className="mt-2">
                        <EntryMessages entryId={a.id} locale={locale} messages={messages.get(a.id) ?? []} showRecipient={false} />
                      </div>
                    </details>
                  )}
                </th>
                <td className={td}>{roleNames[a.role]}</td>
                <td className={td}>
                  {a.disabled ? (
                    <span className="rounded bg-stone-200 px-2 py-0.5 text-sm font-semibold">{a.disabledAt ? t("disabledSince", { date: formatDate(a.disabledAt, locale) }) : t("disabled")}</span>
                  ) : (
                    <span className="rounded bg-green-100 px-2 py-0.5 text-sm font-semibold text-green-900">{t("active")}</span>
                  )}
                  {a.twoFactor && <span className="mt-1 block text-sm text-stone-700">{t("twoFactorOn")}</span>}
                </td>
                <td className={`${td} text-sm`}>{formatDate(a.createdAt, locale)}</td>
                <td className={`${td} min-w-[16rem]`}>
                  {self ? (
                    <span className="text-sm text-stone-700">{t("yourAccount")}</span>
                  ) : (
                    <details>
                      <summary className="cursor-pointer font-semibold text-brand-700">{t("change", { name: a.name })}</summary>
                      <div className="mt-2 space-y-4">
                        <ActionForm
                          locale={locale}
                          method="PATCH"
                          url={`/api/admin/accounts/${a.id}`}
                          legend={t("roleFor", { name: a.name })}
                          fields={[
                            { name: "role", kind: "select", label: t("newRole"), options: ROLES.map((r) => ({ value: r, label: roleNames[r] })), initial: a.role },
                            { name: "reason", kind: "text", label: t("reason") },
                          ]}
                          submitLabel={t("changeRole")}
                          done={t("roleChanged")}
                          resetOnDone
                        />
                        <ActionForm
                          locale={locale}
                          method="PATCH"
                          url={`/api/admin/accounts/${a.id}`}
                          body={{ disabled: !a.disabled }}
                          legend={a.disabled ? t("enableFor", { name: a.name }) : t("disableFor", { name: a.name })}
                          fields={[{ name: "reason", kind: "text", label: t("reason") }]}
                          submitLabel={a.disabled ? t("enable") : t("disable")}
                          confirm={a.disabled ? undefined : t("disableConfirm", { name: a.name })}
                          done={a.disabled ? t("enabled") : t("disabledDone")}
                          tone={a.disabled ? "secondary" : "danger"}
                          resetOnDone
                        />
                        {a.twoFactor && (
                          <ActionForm
                            locale={locale}
                            method="DELETE"
                            url={`/api/admin/accounts/${a.id}/two-factor`}
                            legend={t("twoFactorResetFor", { name: a.name })}
                            fields={[{ name: "reason", kind: "text", label: t("reason") }]}
                            submitLabel={t("twoFactorReset")}
                            confirm={t("twoFactorResetConfirm", { name: a.name })}
                            done={t("twoFactorResetDone")}
                            tone="danger"
                            resetOnDone
                          />
                        )}
                      </div>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pagination
        page={query.page}
        pageCount={list.pageCount}
        hrefFor={hrefFor}
        labels={{ nav: t("pages"), previous: t("previous"), next: t("next"), pageOf: t("pageOf", { page: query.page, pages: Math.max(1, list.pageCount) }), page: (n) => t("page", { n }) }}
      />
    </AdminPage>
  );
}
