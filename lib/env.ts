import { validateEnv } from "./env.mjs";

export type Env = {
  NODE_ENV: "development" | "production" | "test";
  SITE_URL: string;
  DATA_DIR: string;
  DATABASE_URL?: string;
  MEILI_HOST?: string;
  MEILI_MASTER_KEY?: string;
  MEILI_INDEX_PREFIX?: string;
  SEARCH_INDEX_ON_START: "0" | "1";
  AUTH_SECRET?: string;
  LANTOA_DEMO: "0" | "1";
  DEMO_PASSWORD: string;
  LANTOA_ADMIN_EMAIL?: string;
  LANTOA_ADMIN_PASSWORD?: string;
  SMTP_URL?: string;
  MAIL_FROM: string;
  AUTH_RATE_LIMIT_IP: number;
  AUTH_RATE_LIMIT_ACCOUNT: number;
  LOG_LEVEL?: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  STORAGE: "local" | "s3";
  S3_BUCKET?: string;
  S3_ENDPOINT?: string;
  S3_REGION?: string;
  S3_PREFIX?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE?: "0" | "1";
};

export const env: Env = validateEnv(process.env);

/** The site's public origin without a trailing slash. */
export const siteUrl = env.SITE_URL.replace(/\/+$/, "");
