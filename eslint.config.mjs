import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

const LIB_BOUNDARY = { regex: "^(@/|(\\.\\.?/)+)(app|components)(/|$)", message: "lib/ is below the pages and components: move the shared code into lib/." };
const CONTEST_BOUNDARY = [
  { regex: "^(@/lib/db|(\\.\\./)+(lib/)?db)(/|$)", message: "lib/contest holds pure rules: take plain values, let lib/db query and store them." },
  { regex: "^(drizzle-orm|drizzle-kit|pg|postgres|@electric-sql/.*)(/|$)", message: "lib/contest holds pure rules: no database client or query builder." },
  { regex: "^@?next(-[a-z-]+)?(/|$)", message: "lib/contest holds pure rules: no Next.js (or next-*) module." },
  { regex: "^node:", message: "lib/contest holds pure rules: no Node.js module (no I/O)." },
];

// Components present data that pages hand them: no database, session, storage, mail or search
// client (types from those modules are fine: they describe the props).
const COMPONENT_BOUNDARY = [
  { regex: "^(@/|(\\.\\.?/)+)app(/|$)", message: "components/ sit below the pages: move what both need into components/ or lib/." },
  { regex: "^@/lib/(db|auth|storage|mail|backup|ops|export|http)(/|$)", message: "components/ do no data access: let the page or route handler call lib/ and pass the result as props.", allowTypeImports: true },
  { regex: "^(drizzle-orm|pg|@electric-sql/.*|meilisearch|node:.*)(/|$)", message: "components/ do no data access or I/O.", allowTypeImports: true },
];

const config = [
  ...coreWebVitals,
  ...typescript,
  {
    ignores: [".next/**", ".contentlayer/**", "node_modules/**", "data/**", "bench/out/**", "test-results/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Covers are small static SVGs; next/image would add client JavaScript to every story page.
      "@next/next/no-img-element": "off",
    },
  },
  // Boundaries. lib/ is the application's core: pages (app/) and components use it, never the
  // other way round. lib/contest is the domain's vocabulary and rules: pure code that any layer
  // may call, so it reaches for no database, no framework and no Node.js module.
  // (A later block replaces the rule for the files it matches, so lib/contest repeats lib's.)
  {
    files: ["lib/**/*.{ts,tsx,mjs,js}"],
    rules: { "no-restricted-imports": ["error", { patterns: [LIB_BOUNDARY] }] },
  },
  {
    files: ["lib/contest/**/*.{ts,tsx,mjs,js}"],
    rules: { "no-restricted-imports": ["error", { patterns: [LIB_BOUNDARY, ...CONTEST_BOUNDARY] }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: COMPONENT_BOUNDARY }],
    },
  },
];

export default config;
