import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

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
];

export default config;
