// The environment, validated once: at start-up by next.config.mjs and the scripts, and on import
// for the application code (`env`). Its type is the schema's output, declared nowhere else.
import { z } from "zod";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SITE_URL: z.preprocess(emptyAsUndefined, z.url({ message: "SITE_URL must be an absolute URL such as https://lantoa.vn" }).default("http://localhost:3000")),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//, { message: "DATABASE_URL must start with postgres:// or postgresql://" }),
  ),
  MEILI_HOST: optional(z.url({ message: "MEILI_HOST must be an absolute URL such as http://127.0.0.1:7700" })),
  MEILI_MASTER_KEY: optional(z.string().min(16, { message: "MEILI_MASTER_KEY must be at least 16 characters" })),
  // Index names are prefixed so tests and benchmarks never touch the app's own indexes.
  MEILI_INDEX_PREFIX: optional(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { message: "MEILI_INDEX_PREFIX may hold only letters, digits, _ and -" })),
  // 0 stops the server from rebuilding a missing or stale stories index at start (the bench loads its own).
  SEARCH_INDEX_ON_START: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("1")),
  // 0 searches Meilisearch for every public search instead of keeping answers per index version.
  SEARCH_ANSWER_CACHE: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("1")),
  // 1 behind a load balancer or proxy that appends the caller's address to X-Forwarded-For;
  // otherwise (0) the server puts the socket's address there, whatever the client sent.
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("0")),
  // How many of the newest stories of each locale the build prerenders (and as many listing pages
  // as hold them); the others are rendered on their first request and kept. Unset: all of them.
  PRERENDERED_STORIES: optional(z.coerce.number({ message: "PRERENDERED_STORIES must be a whole number of stories per locale" }).int({ message: "PRERENDERED_STORIES must be a whole number of stories per locale" }).min(0, { message: "PRERENDERED_STORIES must be 0 or more" })),
  // 0 sends every request to Next.js, including the prerendered pages scripts/server.ts keeps in memory.
  STATIC_PAGE_CACHE: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("1")),
  AUTH_SECRET: optional(z.string().min(32, { message: "AUTH_SECRET must be at least 32 characters" })),
  LANTOA_DEMO: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("0")),
  // 1: a production build served to this machine only, so SITE_URL may be unset or loopback
  // (lib/site-url.ts; LANTOA_DEMO=1 implies it). Never set it on a public server.
  LANTOA_LOCAL: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("0")),
  DEMO_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8).default("lantoa-demo")),
  // The first secretariat account, created at start when no account has this e-mail yet: how a
  // new installation gets someone who can set up the contest and the jury.
  LANTOA_ADMIN_EMAIL: optional(z.email({ message: "LANTOA_ADMIN_EMAIL must be an e-mail address" })),
  LANTOA_ADMIN_PASSWORD: optional(z.string().min(12, { message: "LANTOA_ADMIN_PASSWORD must be at least 12 characters" })),
  // Receipt e-mails: an SMTP server when set, otherwise messages are written under DATA_DIR/mail.
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, { message: "SMTP_URL must start with smtp:// or smtps://" })),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default("Lan Tỏa <no-reply@lantoa.vn>")),
  // Sign-in and sign-up attempts allowed per client address, and failed sign-ins per account,
  // in each 15-minute window. A load test from one address raises the first.
  AUTH_RATE_LIMIT_IP: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(30)),
  AUTH_RATE_LIMIT_ACCOUNT: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(5)),
  // Public nominations (lib/nominations): how many a client address may send per hour and an
  // e-mail address per day, and after how many days rejected (or never confirmed) ones are deleted.
  NOMINATION_RATE_LIMIT_IP: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(10)),
  NOMINATION_RATE_LIMIT_EMAIL: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(5)),
  NOMINATION_RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(3650).default(90)),
  // Lowest level written to the JSON log on stdout (lib/log.ts); unset: info, or warn under tests.
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent" })),
  // Uploads (lib/storage): `local` keeps them under DATA_DIR/uploads, `s3` in an S3-compatible
  // bucket (docs/deploy.md, "Uploads"). The S3_* variables are read only with STORAGE=s3 and refused
  // without it, so a typo in STORAGE never sends uploads to a local disk unnoticed (checkStorage).
  // Without S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY the AWS SDK's own chain applies (AWS_* variables,
  // instance or task role); S3_REGION defaults to us-east-1, S3_FORCE_PATH_STYLE to 0.
  STORAGE: z.preprocess(emptyAsUndefined, z.enum(["local", "s3"], { message: "STORAGE must be local or s3" }).default("local")),
  S3_BUCKET: optional(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: "S3_BUCKET must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens" })),
  S3_ENDPOINT: optional(z.url({ protocol: /^https?$/, message: "S3_ENDPOINT must be an http:// or https:// URL such as https://s3.example.com" })),
  S3_REGION: optional(z.string().regex(/^[a-z0-9-]{2,40}$/, { message: "S3_REGION must be a region name such as us-east-1" })),
  S3_PREFIX: optional(z.string().regex(/^([A-Za-z0-9_.-]+\/)+$/, { message: "S3_PREFIX must be a key prefix ending in / such as lantoa/ (letters, digits, _ . - and /)" })),
  S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  S3_FORCE_PATH_STYLE: optional(z.enum(["0", "1"], { message: "S3_FORCE_PATH_STYLE must be 0 or 1 (1 for most servers other than AWS)" })),
});

const S3_VARIABLES = ["S3_BUCKET", "S3_ENDPOINT", "S3_REGION", "S3_PREFIX", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE"] as const;

/** STORAGE=s3 needs a bucket and both keys or neither; the S3_* variables mean nothing without it. */
function checkStorage(e: z.output<typeof envSchema>, ctx: z.RefinementCtx) {
  const issue = (name: string, message: string) => ctx.addIssue({ code: "custom", path: [name], message });
  if (e.STORAGE !== "s3") {
    for (const name of S3_VARIABLES) if (e[name] !== undefined) issue(name, `${name} is set but STORAGE is not s3 (set STORAGE=s3 to keep uploads in the bucket, or unset ${name})`);
    return;
  }
  if (!e.S3_BUCKET) issue("S3_BUCKET", "S3_BUCKET is required with STORAGE=s3");
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY) issue(e.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID", "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all");
}

const checkedSchema = envSchema
  .refine((e) => !e.LANTOA_ADMIN_EMAIL === !e.LANTOA_ADMIN_PASSWORD, {
    path: ["LANTOA_ADMIN_PASSWORD"],
    message: "LANTOA_ADMIN_EMAIL and LANTOA_ADMIN_PASSWORD are set together or not at all",
  })
  .superRefine(checkStorage);

/** The validated environment. */
export type Env = z.output<typeof checkedSchema>;

/** Parses the environment or throws one error naming every wrong variable. */
export function validateEnv(source: Record<string, string | undefined>): Env {
  const result = checkedSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = validateEnv(process.env);

/** The site's public origin without a trailing slash. */
export const siteUrl = env.SITE_URL.replace(/\/+$/, "");
