import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { entries, mailLog, mailTemplates, users } from "../schema";
import { recordAudit } from "./audit";
import type { Caller } from "@/lib/auth/session";
import type { MailEvent, MailLanguage, MailStatus } from "@/lib/contest/vocabulary";
import { messages } from "@/lib/i18n/messages";
import type { MailLocale, Template } from "@/lib/mail/render";

export type EventTemplates = Record<MailLocale, Template & { custom: boolean; updatedAt: string | null }>;

/** The text an event's e-mail has until the secretariat changes it (lib/i18n/messages, "MailDefaults"). */
export function defaultTemplate(event: MailEvent, locale: MailLocale): Template {
  const t = messages[locale].MailDefaults[event];
  return { subject: t.subject, body: t.body };
}

/** An event's templates in both languages: the secretariat's version where there is one, else the default. */
export async function eventTemplates(db: Db, event: MailEvent): Promise<EventTemplates> {
  const rows = await db.select().from(mailTemplates).where(eq(mailTemplates.event, event));
  const pick = (locale: MailLocale) => {
    const row = rows.find((r) => r.locale === locale);
    return row ? { subject: row.subject, body: row.body, custom: true, updatedAt: row.updatedAt.toISOString() } : { ...defaultTemplate(event, locale), custom: false, updatedAt: null };
  };
  return { vi: pick("vi"), en: pick("en") };
}

/** PUT /api/admin/mail-templates/{event}: both languages at once, audited with before and after. */
export async function saveEventTemplates(db: Db, actor: Caller, event: MailEvent, input: Record<MailLocale, Template>, now = new Date()): Promise<EventTemplates> {
  return db.transaction(async (tx) => {
    const before = await eventTemplates(tx, event);
    for (const locale of ["vi", "en"] as const) {
      const { subject, body } = input[locale];
      await tx
        .insert(mailTemplates)
        .values({ event, locale, subject, body, updatedBy: actor.id, updatedAt: now })
        .onConflictDoUpdate({ target: [mailTemplates.event, mailTemplates.locale], set: { subject, body, updatedBy: actor.id, updatedAt: now } });
    }
    const after = await eventTemplates(tx, event);
    await recordAudit(tx, { actorId: actor.id, action: "mailTemplate.update", entity: "mailTemplate", entityId: event, before: strip(before), after: strip(after) });
    return after;
  });
}

/** DELETE /api/admin/mail-templates/{event}: back to the default text, audited. */
export async function resetEventTemplates(db: Db, actor: Caller, event: MailEvent): Promise<EventTemplates> {
  return db.transaction(async (tx) => {
    const before = await eventTemplates(tx, event);
    await tx.delete(mailTemplates).where(eq(mailTemplates.event, event));
    const after = await eventTemplates(tx, event);
    if (before.vi.custom || before.en.custom) await recordAudit(tx, { actorId: actor.id, action: "mailTemplate.reset", entity: "mailTemplate", entityId: event, before: strip(before), after: strip(after) });
    return after;
  });
}

const strip = (t: EventTemplates) => ({ vi: { subject: t.vi.subject, body: t.vi.body }, en: { subject: t.en.subject, body: t.en.body } });

export type MailRecord = { event: MailEvent; to: string; userId?: string | null; entryId?: string | null; subject: string; language: MailLanguage; status: MailStatus; test?: boolean; sentBy?: string | null };

/** Records one message sent (or that failed). */
export async function recordMail(db: Db, record: MailRecord): Promise<void> {
  await db.insert(mailLog).values({ event: record.event, toEmail: record.to, userId: record.userId ?? null, entryId: record.entryId ?? null, subject: record.subject, language: record.language, status: record.status, test: record.test ?? false, sentBy: record.sentBy ?? null });
}

export type SentMessage = { id: number; event: MailEvent; to: string; toName: string | null; subject: string; language: MailLanguage; status: MailStatus; test: boolean; entryCode: string | null; sentAt: string };

const sentColumns = {
  id: mailLog.id,
  event: mailLog.event,
  to: mailLog.toEmail,
  toName: users.name,
  subject: mailLog.subject,
  language: mailLog.language,
  status: mailLog.status,
  test: mailLog.test,
  entryCode: entries.code,
  sentAt: mailLog.createdAt,
};

const toSent = (r: { id: number; event: MailEvent; to: string; toName: string | null; subject: string; language: MailLanguage; status: MailStatus; test: boolean; entryCode: string | null; sentAt: Date }): SentMessage => ({ ...r, sentAt: r.sentAt.toISOString() });

/** The messages sent about one entry, newest first (the entry's page and GET /api/admin/entries/{id}). */
export async function entryMessages(db: Db, entryId: string, limit = 100): Promise<SentMessage[]> {
  const rows = await db.select(sentColumns).from(mailLog).leftJoin(users, eq(users.id, mailLog.userId)).leftJoin(entries, eq(entries.id, mailLog.entryId)).where(eq(mailLog.entryId, entryId)).orderBy(desc(mailLog.id)).limit(limit);
  return rows.map(toSent);
}

/** The messages sent to some accounts, newest first, by account (the jurors on the accounts page). */
export async function accountMessages(db: Db, userIds: string[], perAccount = 20): Promise<Map<string, SentMessage[]>> {
  const out = new Map<string, SentMessage[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({ ...sentColumns, userId: mailLog.userId })
    .from(mailLog)
    .leftJoin(users, eq(users.id, mailLog.userId))
    .leftJoin(entries, eq(entries.id, mailLog.entryId))
    .where(and(inArray(mailLog.userId, userIds), eq(mailLog.test, false)))
    .orderBy(desc(mailLog.id))
    .limit(userIds.length * perAccount);
  for (const { userId, ...row } of rows) {
    const list = out.get(userId!) ?? [];
    if (list.length < perAccount) list.push(toSent(row));
    out.set(userId!, list);
  }
  return out;
}

/** The latest messages of every kind (the templates page). */
export async function recentMessages(db: Db, limit = 50): Promise<SentMessage[]> {
  const rows = await db.select(sentColumns).from(mailLog).leftJoin(users, eq(users.id, mailLog.userId)).leftJoin(entries, eq(entries.id, mailLog.entryId)).orderBy(desc(mailLog.id)).limit(limit);
  return rows.map(toSent);
}

/** Who an entry's messages go to: its owner (the main author). */
export async function entryOwner(db: Db, entryId: string): Promise<{ userId: string; email: string; name: string } | null> {
  const [row] = await db.select({ userId: users.id, email: users.email, name: users.name }).from(entries).innerJoin(users, eq(users.id, entries.ownerId)).where(eq(entries.id, entryId));
  return row ?? null;
}
