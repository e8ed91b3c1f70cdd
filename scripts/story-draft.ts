// npm run story:draft -- <code>: writes the story draft of an accepted nomination to
// content/stories/vi/<slug>.mdx (frontmatter from the nomination, `draft: true`, its text as the
// body). The build leaves drafts out; an editor finishes the file and removes `draft`.
//   --out <dir>  write under <dir>/vi instead of content/stories (tests)
//   --force      replace an existing file
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "../lib/db/client";
import * as schema from "../lib/db/schema";
import { validateEnv } from "../lib/env";
import { claimDataDir, dataDirHolder, lockFile, releaseDataDir } from "../lib/db/pglite-lock";
import { storyDraft } from "../lib/nominations/rules";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const code = args.find((a) => /^DC-[0-9A-Z]{8}$/i.test(a))?.toUpperCase();
const outIndex = args.indexOf("--out");
const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1] ?? "") : path.join(root, "content", "stories");
if (!code || args.includes("--help")) {
  console.log("npm run story:draft -- <nomination code, e.g. DC-7KQ2M9XA> [--out <dir>] [--force]");
  process.exit(code ? 0 : 1);
}

const env = validateEnv(process.env);

async function openDb(): Promise<{ db: Db; close: () => Promise<void> }> {
  if (env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 });
    return { db: drizzle({ client: pool, schema }) as unknown as Db, close: () => pool.end() };
  }
  const dataDir = path.join(env.DATA_DIR, "db");
  if (!existsSync(dataDir)) throw new Error(`no database under ${dataDir}; start the app once (it creates and migrates it)`);
  // PGlite allows one process per data folder.
  const holder = dataDirHolder(dataDir);
  if (holder) throw new Error(`the embedded database ${path.resolve(dataDir)} is open in process ${holder.pid} (see ${lockFile(dataDir)}): stop the app, or download the draft from the editor's page`);
  claimDataDir(dataDir, "story-draft");
  const { PGlite } = await import("@electric-sql/pglite");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm } });
  return {
    db: drizzle({ client, schema }) as unknown as Db,
    close: async () => {
      await client.close();
      releaseDataDir(dataDir);
    },
  };
}

const database = await openDb();
try {
  const [n] = await database.db.select().from(schema.nominations).where(eq(schema.nominations.code, code));
  if (!n) throw new Error(`no nomination ${code}`);
  if (n.status !== "accepted" && n.status !== "published") throw new Error(`nomination ${code} is ${n.status}; only an accepted nomination becomes a story draft`);
  const draft = storyDraft(n, n.decidedAt ?? new Date());
  const file = path.join(outDir, "vi", draft.fileName);
  if (existsSync(file) && !args.includes("--force")) throw new Error(`${path.relative(process.cwd(), file)} exists; edit it, or pass --force to replace it`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, draft.text);
  await database.db.insert(schema.auditLog).values({ actorId: null, action: "nomination.draft", entity: "nomination", entityId: n.code, after: { by: "story:draft", slug: draft.slug } });
  console.log(`story:draft: wrote ${path.relative(process.cwd(), file)} (draft: true; run npm run content to check it)`);
} catch (error) {
  console.error(`story:draft: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
