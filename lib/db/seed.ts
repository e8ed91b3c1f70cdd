import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { contestCategories, contests, entries, type CategoryCode, type LengthUnit, type Role } from "./schema";
import { recordAudit } from "./queries/audit";
import { createAccount, findAccountByEmail } from "./queries/accounts";
import { createEntry, submitEntry } from "./queries/entries";
import { getContest } from "./queries/contests";
import type { Caller } from "@/lib/auth/session";
import { hashPassword } from "@/lib/auth/password";
import { vietnamDate, vietnamTime } from "@/lib/contest/rules";

const MB = 1024 * 1024;

type CategorySeed = { code: CategoryCode; name: { vi: string; en: string }; unit: LengthUnit; maxLength: number; acceptedTypes: string[]; maxFileBytes: number; maxFiles: number; requiresUrl?: boolean };

export const DEMO_CATEGORIES: CategorySeed[] = [
  { code: "print", name: { vi: "Báo in", en: "Print" }, unit: "words", maxLength: 5000, acceptedTypes: ["application/pdf", "image/jpeg", "image/png", "image/webp"], maxFileBytes: 20 * MB, maxFiles: 10 },
  { code: "online", name: { vi: "Báo điện tử", en: "Online" }, unit: "words", maxLength: 5000, acceptedTypes: ["application/pdf", "image/jpeg", "image/png", "image/webp"], maxFileBytes: 20 * MB, maxFiles: 10, requiresUrl: true },
  { code: "radio", name: { vi: "Phát thanh", en: "Radio" }, unit: "minutes", maxLength: 30, acceptedTypes: ["audio/mpeg", "audio/mp4"], maxFileBytes: 200 * MB, maxFiles: 5 },
  { code: "television", name: { vi: "Truyền hình", en: "Television" }, unit: "minutes", maxLength: 30, acceptedTypes: ["video/mp4"], maxFileBytes: 1024 * MB, maxFiles: 5 },
  { code: "photo", name: { vi: "Ảnh báo chí", en: "Photo" }, unit: "photos", maxLength: 10, acceptedTypes: ["image/jpeg", "image/png", "image/webp"], maxFileBytes: 20 * MB, maxFiles: 10 },
];

const RULES = {
  vi: `Cuộc thi dành cho tác phẩm báo chí viết về gương người tốt, việc tốt, các điển hình tiên tiến trong phong trào thi đua yêu nước, đã đăng, phát trên các cơ quan báo chí Việt Nam trong thời gian quy định.

Mỗi tác phẩm là một bài hoặc một loạt bài (tối đa 5 kỳ). Mỗi tác giả (kể cả đồng tác giả) gửi tối đa 3 tác phẩm. Tác phẩm phải ghi rõ tên thật của tác giả; bút danh ghi kèm nếu có.

Tác phẩm gửi qua cổng trực tuyến này kèm bản chụp, tệp âm thanh, video hoặc ảnh theo từng thể loại. Tác giả có thể sửa hoặc rút tác phẩm cho đến hạn chót. Tổ Thư ký xét tính hợp lệ trước khi chuyển Ban Giám khảo chấm sơ khảo và chung khảo.`,
  en: `The contest is for journalism about good people, good deeds and exemplary models in the patriotic emulation movement, published or broadcast by Vietnamese media outlets within the set period.

An entry is a single work or a series (up to 5 parts). Each author (co-authors included) may enter at most 3 works. Entries give the authors' real names; pen names may be added.

Entries are sent through this portal with the scans, audio, video or photos each category asks for. Authors can edit or withdraw their entries until the deadline. The secretariat checks eligibility before the jury scores the preliminary and final rounds.`,
};

/** The 2026 contest with a submission window around the seed date, so the demo always works. */
export async function seedContest(db: Db, now: Date, year = 2026): Promise<string> {
  const [existing] = await db.select({ id: contests.id }).from(contests).where(eq(contests.year, year));
  if (existing) return existing.id;
  const day = 24 * 3600_000;
  const opens = vietnamTime(vietnamDate(new Date(now.getTime() - 30 * day)));
  const closes = vietnamTime(vietnamDate(new Date(now.getTime() + 90 * day)), "23:59");
  return db.transaction(async (tx) => {
    const [contest] = await tx
      .insert(contests)
      .values({
        year,
        title: { vi: `Cuộc thi báo chí viết về gương người tốt, việc tốt, các điển hình tiên tiến năm ${year}`, en: `${year} journalism contest on good people, good deeds and exemplary models` },
        rules: RULES,
        submissionOpensAt: opens,
        submissionClosesAt: closes,
        publishedFrom: `${year - 1}-10-01`,
        publishedTo: vietnamDate(closes),
        entryLimitPerAuthor: 3,
        excludedRoles: ["juror", "secretariat"],
      })
      .onConflictDoNothing()
      .returning();
    // Another instance seeded it a moment ago.
    if (!contest) return (await tx.select({ id: contests.id }).from(contests).where(eq(contests.year, year)))[0]!.id;
    await tx.insert(contestCategories).values(DEMO_CATEGORIES.map((c, position) => ({ ...c, requiresUrl: c.requiresUrl ?? false, position, contestId: contest.id, maxParts: 5 })));
    await recordAudit(tx, { actorId: null, action: "contest.create", entity: "contest", entityId: contest.id, after: { ...contest, categories: DEMO_CATEGORIES } });
    return contest.id;
  });
}

const DEMO_ACCOUNTS: { email: string; name: string; role: Role; outlet?: string; penNames?: string[] }[] = [
  { email: "thuky@lantoa.test", name: "Nguyễn Thị Thư", role: "secretariat" },
  { email: "giamkhao1@lantoa.test", name: "Trần Văn Khảo", role: "juror" },
  { email: "giamkhao2@lantoa.test", name: "Lê Thị Bình", role: "juror" },
  { email: "giamkhao3@lantoa.test", name: "Phạm Minh Chấm", role: "juror" },
  { email: "phongvien1@lantoa.test", name: "Đỗ Thu Hà", role: "journalist", outlet: "Báo Nhân Dân", penNames: ["Thu Hà"] },
  { email: "phongvien2@lantoa.test", name: "Hoàng Văn Nam", role: "journalist", outlet: "Đài Tiếng nói Việt Nam", penNames: ["Nam Hoàng"] },
];

/** Demo accounts, contest and entries. Safe to run on every start: what exists is left alone. */
export async function seedDemo(db: Db, password: string, now = new Date()): Promise<void> {
  const contestId = await seedContest(db, now);
  const passwordHash = await hashPassword(password);
  const callers = new Map<string, Caller>();
  for (const account of DEMO_ACCOUNTS) {
    let user = await findAccountByEmail(db, account.email);
    if (!user) {
      user = await createAccount(db, { ...account, passwordHash, phone: "0900000000" }, null).catch(async () => (await findAccountByEmail(db, account.email))!);
    }
    callers.set(account.email, { id: user.id, role: user.role, name: user.name, email: user.email, outlet: user.outlet, penNames: user.penNames });
  }
  const contest = await getContest(db, contestId);
  const published = contest.publishedFrom > "2026-03-15" ? contest.publishedFrom : "2026-03-15";
  const ha = callers.get("phongvien1@lantoa.test")!;
  const nam = callers.get("phongvien2@lantoa.test")!;
  if (!(await hasEntries(db, ha.id))) {
    const online = await createEntry(db, ha, { category: "online", title: "Người giữ rừng trên đỉnh Pù Luông", summary: "Hơn hai mươi năm, một kiểm lâm viên cùng bà con bản Đôn giữ từng cánh rừng nguyên sinh.", publishedAt: published, url: "https://example.vn/nguoi-giu-rung", length: 2400 }, now);
    await submitEntry(db, ha, online.id, now);
    await createEntry(db, ha, { category: "print", title: "Cô giáo cắm bản (bản nháp)", summary: "Loạt bài về những thầy cô bám bản vùng cao.", length: 1800 }, now);
  }
  if (!(await hasEntries(db, nam.id))) {
    const series = await createEntry(
      db,
      nam,
      {
        category: "online",
        title: "Nông thôn mới từ những đôi tay",
        summary: "Loạt bài ba kỳ về những nông dân hiến đất, góp công làm đường.",
        publishedAt: published,
        url: "https://example.vn/nong-thon-moi",
        length: 6000,
        authors: [{ name: nam.name, penName: "Nam Hoàng" }, { name: ha.name, email: ha.email }],
        parts: [1, 2, 3].map((n) => ({ title: `Kỳ ${n}`, publishedAt: published, url: `https://example.vn/nong-thon-moi-${n}` })),
      },
      now,
    );
    await submitEntry(db, nam, series.id, now);
    await createEntry(db, nam, { category: "radio", title: "Tiếng loa thôn bản (bản nháp)", length: 12 }, now);
  }
}

async function hasEntries(db: Db, ownerId: string): Promise<boolean> {
  return (await db.select({ id: entries.id }).from(entries).where(eq(entries.ownerId, ownerId)).limit(1)).length > 0;
}
