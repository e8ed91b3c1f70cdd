import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "./client";
import { assignments, contestCategories, contests, entries, entryAuthors, prizes } from "./schema";
import { DEMO_ACCOUNTS, DEMO_JURORS, DEMO_RESULTS_YEAR, DEMO_ROUND_NAME, DEMO_WINNERS } from "./demo";
import { landscapeJpeg, printedArticlePdf, signatureTuneMp3 } from "./demo-files";
import { BRIDGE_ARTICLE, CRAFT_ARTICLE, FLOOD_PHOTOS, FOREST_ARTICLE, FOREST_PHOTO, KITCHEN_ARTICLE, SERIES_PARTS, seriesArticle } from "./demo-works";
import { addAttachment, bylineNames } from "./queries/attachments";
import { enqueueSearch, recordAudit } from "./queries/audit";
import { createAccount, findAccountByEmail } from "./queries/accounts";
import { createEntry, decideEligibility, submitEntry } from "./queries/entries";
import { answerCoauthorship } from "./queries/coauthors";
import { createRound, listRounds, moveRound, setRoundJurors } from "./queries/rounds";
import { runAssignment } from "./queries/assignments";
import { saveScore } from "./queries/scores";
import { createContest, getContest } from "./queries/contests";
import { AppError } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { hashPassword } from "@/lib/auth/password";
import { vietnamDate, vietnamTime } from "@/lib/contest/rules";
import { getStorage } from "@/lib/storage";
import { storeBytes, storeCleanCopy } from "@/lib/storage/clean/store";
import { DEFAULT_DISAGREEMENT_THRESHOLD, DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { STANDARD_CATEGORIES, STANDARD_RULES, contestTitle } from "@/lib/contest/defaults";

/** The 2026 contest with a submission window around the seed date, so the demo always works. */
export async function seedContest(db: Db, now: Date, year = 2026): Promise<string> {
  const [existing] = await db.select({ id: contests.id }).from(contests).where(eq(contests.year, year));
  if (existing) return existing.id;
  const day = 24 * 3600_000;
  const opens = vietnamTime(vietnamDate(new Date(now.getTime() - 30 * day)));
  const closes = vietnamTime(vietnamDate(new Date(now.getTime() + 90 * day)), "23:59");
  const input = { year, submissionOpensAt: opens, submissionClosesAt: closes, publishedFrom: `${year - 1}-10-01`, publishedTo: vietnamDate(closes), entryLimitPerAuthor: 3 };
  try {
    return (await createContest(db, null, input)).id;
  } catch (error) {
    // Another instance seeded it a moment ago.
    if (error instanceof AppError && error.status === 409) return (await db.select({ id: contests.id }).from(contests).where(eq(contests.year, year)))[0]!.id;
    throw error;
  }
}

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
  const pdf = (fileName: string, article: Parameters<typeof printedArticlePdf>[0]) => async () => ({ fileName, contentType: "application/pdf", bytes: await printedArticlePdf(article) });
  if (!(await hasEntries(db, ha.id))) {
    const online = await createEntry(db, ha, { category: "online", title: "Người giữ rừng trên đỉnh Pù Luông", summary: "Hơn hai mươi năm, một kiểm lâm viên cùng bà con bản Đôn giữ từng cánh rừng nguyên sinh.", publishedAt: published, url: "https://example.vn/nguoi-giu-rung", length: 2400 }, now);
    await attachDemoFiles(db, ha, online.id, [pdf("nguoi-giu-rung.pdf", FOREST_ARTICLE), async () => ({ fileName: "rung-pu-luong.jpg", contentType: "image/jpeg", bytes: await landscapeJpeg(FOREST_PHOTO) })], now);
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
        parts: SERIES_PARTS.map((part, n) => ({ title: part.title, publishedAt: published, url: `https://example.vn/nong-thon-moi-${n + 1}` })),
      },
      now,
    );
    // One PDF per part, uploaded in the order of the parts.
    await attachDemoFiles(db, nam, series.id, SERIES_PARTS.map((_, n) => pdf(`nong-thon-moi-ky-${n + 1}.pdf`, seriesArticle(n))), now);
    // Hà consents to being named, as any linked co-author must before the entry can be submitted.
    await answerCoauthorship(db, ha, series.id, "accept", now);
    await submitEntry(db, nam, series.id, now);
    await createEntry(db, nam, { category: "radio", title: "Tiếng loa thôn bản (bản nháp)", length: 12 }, now);
  }
  const lan = callers.get("phongvien3@lantoa.test")!;
  if (!(await hasEntries(db, lan.id))) {
    const works = [
      { title: "Chiếc cầu tre của thầy giáo vùng lũ", summary: "Một thầy giáo ở Đồng Tháp cùng học trò dựng cầu tre để các em không phải bơi qua kênh đến trường.", slug: "cau-tre", article: BRIDGE_ARTICLE },
      { title: "Bữa cơm yêu thương giữa lòng thành phố", summary: "Bếp ăn không đồng của những người thợ về hưu nuôi bệnh nhân nghèo suốt mười năm.", slug: "bua-com", article: KITCHEN_ARTICLE },
    ];
    for (const work of works) {
      const entry = await createEntry(db, lan, { category: "online", title: work.title, summary: work.summary, publishedAt: published, url: `https://example.vn/${work.slug}`, length: 1900 }, now);
      await attachDemoFiles(db, lan, entry.id, [pdf(`${work.slug}.pdf`, work.article)], now);
      await submitEntry(db, lan, entry.id, now);
    }
  }
  // A photo series, a radio report and a printed article, so the jury room shows every kind of work.
  const mai = callers.get("phongvien5@lantoa.test")!;
  if (!(await hasEntries(db, mai.id, contestId))) {
    const entry = await createEntry(db, mai, { category: "photo", title: "Mùa nước nổi", summary: "Chùm ba ảnh về người dân An Giang sống chung với lũ: đánh bắt, dạy học và đón khách giữa mùa nước nổi.", publishedAt: published, length: FLOOD_PHOTOS.length }, now);
    await attachDemoFiles(db, mai, entry.id, FLOOD_PHOTOS.map((photo) => async () => ({ fileName: photo.fileName, contentType: "image/jpeg", bytes: await landscapeJpeg(photo.scene) })), now);
    await submitEntry(db, mai, entry.id, now);
  }
  const tai = callers.get("phongvien6@lantoa.test")!;
  if (!(await hasEntries(db, tai.id, contestId))) {
    const entry = await createEntry(db, tai, { category: "radio", title: "Tiếng kẻng báo lũ ở bản Xốp Cháo", summary: "Phóng sự phát thanh về tổ xung kích phòng chống thiên tai của một bản vùng cao Nghệ An.", publishedAt: published, length: 1 }, now);
    await attachDemoFiles(db, tai, entry.id, [async () => ({ fileName: "tieng-keng-bao-lu.mp3", contentType: "audio/mpeg", bytes: signatureTuneMp3(6) })], now);
    await submitEntry(db, tai, entry.id, now);
  }
  const huong = callers.get("phongvien7@lantoa.test")!;
  if (!(await hasEntries(db, huong.id, contestId))) {
    const entry = await createEntry(db, huong, { category: "print", title: "Những người giữ lửa làng gốm", summary: "Một hợp tác xã gốm truyền thống tạo việc làm cho hai trăm lao động và đưa sản phẩm đi mười hai nước.", publishedAt: published, length: 2100 }, now);
    await attachDemoFiles(db, huong, entry.id, [pdf("giu-lua-lang-gom.pdf", CRAFT_ARTICLE)], now);
    await submitEntry(db, huong, entry.id, now);
  }
  await seedPreliminaryRound(db, contestId, callers, now);
  await seedPublishedResults(db, callers);
}

/**
 * Files on a demo entry, as the upload route stores them: the original by its SHA-256, the
 * jurors' cleaned copy beside it, then the attachment row (lib/storage/clean/store.ts).
 */
async function attachDemoFiles(db: Db, owner: Caller, entryId: string, files: (() => Promise<{ fileName: string; contentType: string; bytes: Buffer }>)[], now: Date): Promise<void> {
  const storage = getStorage();
  const names = await bylineNames(db, entryId);
  for (const make of files) {
    const { fileName, contentType, bytes } = await make();
    const stored = await storeBytes(storage, [bytes]);
    const original = { ...stored, contentType, fileName };
    await addAttachment(db, owner, entryId, { ...original, ...(await storeCleanCopy(storage, original, names)) }, now);
  }
}

/**
 * The 2025 contest, closed and with its results published, so the public results page has
 * prize-winners to show. Written as data in one transaction (the 2025 window is long past, so
 * the journalist's API would refuse it), audited like the other seeded records.
 */
async function seedPublishedResults(db: Db, callers: Map<string, Caller>): Promise<void> {
  const year = DEMO_RESULTS_YEAR;
  const [existing] = await db.select({ id: contests.id }).from(contests).where(eq(contests.year, year));
  if (existing) return;
  await db.transaction(async (tx) => {
    const [contest] = await tx
      .insert(contests)
      .values({
        year,
        title: contestTitle(year),
        rules: STANDARD_RULES,
        submissionOpensAt: vietnamTime(`${year}-03-01`),
        submissionClosesAt: vietnamTime(`${year}-10-31`, "23:59"),
        publishedFrom: `${year - 1}-10-01`,
        publishedTo: `${year}-10-31`,
        entryLimitPerAuthor: 3,
        excludedRoles: ["juror", "secretariat"],
        entrySeq: DEMO_WINNERS.length,
        resultsPublishedAt: vietnamTime(`${year}-12-15`, "09:00"),
      })
      .onConflictDoNothing()
      .returning();
    if (!contest) return; // Another instance seeded it a moment ago.
    await tx.insert(contestCategories).values(STANDARD_CATEGORIES.map((c, position) => ({ ...c, requiresUrl: c.requiresUrl ?? false, position, contestId: contest.id, maxParts: 5 })));
    await recordAudit(tx, { actorId: null, action: "contest.create", entity: "contest", entityId: contest.id, after: { ...contest, categories: STANDARD_CATEGORIES } });
    const submittedAt = vietnamTime(`${year}-10-20`, "10:00");
    for (const winner of DEMO_WINNERS) {
      const author = callers.get(winner.author)!;
      const [entry] = await tx
        .insert(entries)
        .values({ contestId: contest.id, ownerId: author.id, category: winner.category, status: "submitted", code: winner.code, title: winner.title, summary: winner.summary, outlet: winner.outlet, publishedAt: winner.publishedAt, length: winner.category === "radio" ? 15 : winner.category === "photo" ? 8 : 2500, eligibility: "eligible", submittedAt, createdAt: submittedAt, updatedAt: submittedAt })
        .returning();
      await tx.insert(entryAuthors).values({ entryId: entry!.id, position: 0, name: author.name, penName: author.penNames[0] ?? "", email: author.email, userId: author.id });
      await tx.insert(prizes).values({ contestId: contest.id, entryId: entry!.id, tier: winner.tier });
      // Through the outbox like any entry: into the entries index and the public winners index.
      await enqueueSearch(tx, entry!.id, "upsert");
      await recordAudit(tx, { actorId: null, action: "prize.set", entity: "entry", entityId: entry!.id, after: { entry, tier: winner.tier } });
    }
    await recordAudit(tx, { actorId: null, action: "results.publish", entity: "contest", entityId: contest.id, after: { resultsPublishedAt: contest.resultsPublishedAt } });
  });
}

/**
 * The demo's preliminary round, open and blind, so every jury screen has something real: the
 * submitted demo entries are declared eligible, the three demo jurors assigned two per entry by
 * the real assignment, and a few sheets already scored (one left as a draft). Runs only while
 * the contest has no round yet; giamkhao1 always keeps at least one entry unscored.
 */
async function seedPreliminaryRound(db: Db, contestId: string, callers: Map<string, Caller>, now: Date): Promise<void> {
  if ((await listRounds(db, contestId)).length > 0) return;
  const secretariat = callers.get("thuky@lantoa.test")!;
  const demoAuthors = DEMO_ACCOUNTS.filter((a) => a.role === "journalist").map((a) => callers.get(a.email)!.id);
  const pending = await db
    .select({ id: entries.id, ownerId: entries.ownerId })
    .from(entries)
    .where(and(eq(entries.contestId, contestId), eq(entries.status, "submitted"), isNull(entries.eligibility)));
  for (const entry of pending) if (demoAuthors.includes(entry.ownerId)) await decideEligibility(db, secretariat, entry.id, "eligible", "");
  let roundId: string;
  try {
    roundId = (
      await createRound(db, secretariat, contestId, {
        name: DEMO_ROUND_NAME,
        scope: { kind: "eligible" },
        jurorsPerEntry: 2,
        rubric: DEFAULT_RUBRIC,
        blind: true,
        disagreementThreshold: DEFAULT_DISAGREEMENT_THRESHOLD,
        opensAt: null,
        // Three weeks from the seed, at the end of a day in Vietnam: the jury room counts down to it.
        closesAt: vietnamTime(vietnamDate(new Date(now.getTime() + 21 * 24 * 3600_000)), "23:59"),
      })
    ).id;
  } catch (error) {
    // Another instance created it a moment ago (unique contest + position): theirs stands.
    if ((await listRounds(db, contestId)).length > 0) return;
    throw error;
  }
  await setRoundJurors(db, secretariat, roundId, DEMO_JURORS.map((email) => ({ jurorId: callers.get(email)!.id, panels: [] })));
  await runAssignment(db, secretariat, roundId);
  await moveRound(db, secretariat, roundId, "open");
  const sample = [
    { values: { truthfulness: 26, value: 21, craft: 20.5, impact: 16 }, comment: "Tư liệu phong phú, nhân vật có sức lay động." },
    { values: { truthfulness: 22.5, value: 19, craft: 18, impact: 14.5 }, comment: "Đề tài hay, nhưng phần kết còn vội." },
    { values: { truthfulness: 28, value: 23.5, craft: 22, impact: 18 }, comment: "Phát hiện mới, cách kể giàu cảm xúc." },
    { values: { truthfulness: 18, value: 16, craft: 15.5, impact: 11 }, comment: "" },
  ];
  // About half of the sheets submitted: giamkhao1 one (so they keep several to score),
  // giamkhao2 three and a draft, giamkhao3 three; every juror keeps at least one unscored.
  const plan = { "giamkhao1@lantoa.test": 1, "giamkhao2@lantoa.test": 3, "giamkhao3@lantoa.test": 3 } as const;
  let k = 0;
  for (const [j, email] of DEMO_JURORS.entries()) {
    const juror = callers.get(email)!;
    const mine = await db.select({ entryId: assignments.entryId }).from(assignments).where(and(eq(assignments.roundId, roundId), eq(assignments.jurorId, juror.id))).orderBy(asc(assignments.entryId));
    const submit = Math.min(plan[email], mine.length - 1);
    for (const { entryId } of mine.slice(0, submit)) {
      const { values, comment } = sample[k++ % sample.length]!;
      await saveScore(db, juror, entryId, { values, comment, submit: true }, now);
    }
    const next = mine[submit];
    if (j === 1 && next) await saveScore(db, juror, next.entryId, { values: { truthfulness: 24, value: 20 } }, now);
  }
}

async function hasEntries(db: Db, ownerId: string, contestId?: string): Promise<boolean> {
  const mine = contestId ? and(eq(entries.ownerId, ownerId), eq(entries.contestId, contestId)) : eq(entries.ownerId, ownerId);
  return (await db.select({ id: entries.id }).from(entries).where(mine).limit(1)).length > 0;
}
