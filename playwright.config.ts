import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;

// tests/e2e/contest.spec.ts runs a whole contest from an empty installation, so it gets a server of
// its own from the same build: its own data folder (PGlite opens a folder from one process only),
// wiped before it starts; no demo seed; the first secretariat account from the environment, as a
// new installation gets it; the same Meilisearch under a longer index prefix; no trusted proxy,
// as a single machine runs.
export const contestURL = `http://127.0.0.1:${port + 1}`;
export const contestSecretariat = { email: "thuky.cuocthi@lantoa.test", password: "mat-khau-thu-ky-e2e" };
const contestDataDir = path.resolve(process.env.DATA_DIR || "data", "e2e-contest");

// Debian's Chromium, never a downloaded browser. The flags keep it off the network.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    launchOptions: chromium,
    trace: "off",
  },
  projects: [
    { name: "mobile", use: { ...devices["Pixel 7"], launchOptions: chromium }, testIgnore: /publication\.spec\.ts/ },
    // Publishing into the running site changes the collection every other spec counts: last.
    { name: "publication", use: { ...devices["Pixel 7"], launchOptions: chromium }, testMatch: /publication\.spec\.ts/, dependencies: ["mobile"] },
  ],
  // The production build, started on its embedded defaults (scripts/test.ts builds it first).
  webServer: [
    {
      command: `node --import tsx/esm scripts/start.ts --port ${port}`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      // The tests play the load balancer: their X-Forwarded-For stands for different callers.
      env: { TRUST_PROXY: "1" },
    },
    {
      command: `node -e "require('node:fs').rmSync(process.env.DATA_DIR, { recursive: true, force: true })" && node --import tsx/esm scripts/start.ts --port ${port + 1}`,
      url: `${contestURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        DATA_DIR: contestDataDir,
        LANTOA_DEMO: "0",
        LANTOA_ADMIN_EMAIL: contestSecretariat.email,
        LANTOA_ADMIN_PASSWORD: contestSecretariat.password,
        MEILI_INDEX_PREFIX: `${process.env.MEILI_INDEX_PREFIX ?? ""}contest_`,
      },
    },
  ],
});
