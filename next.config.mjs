// Next.js loads this file itself, as JavaScript: on Node.js 20 it cannot import TypeScript, so the
// configuration lives in lib/next-config.ts and is loaded here through tsx (in every process Next.js
// starts: the server, `next dev`, and the build's workers).
import { tsImport } from "tsx/esm/api";

/** @type {import("next").NextConfig} */
const nextConfig = (await tsImport("./lib/next-config.ts", import.meta.url)).default;

export default nextConfig;
