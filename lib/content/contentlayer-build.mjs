// contentlayer2's build, as its CLI's `build` command runs it, without the CLI's first import:
// that switches on effect-ts's execution tracing, which records every step of every fiber and
// made the build superlinear (4,000 documents: 119 s with tracing, 80 s without, same machine
// and run). Plain JavaScript: @contentlayer2/utils/effect re-exports effect-ts in a way
// TypeScript cannot follow.
import * as core from "contentlayer2/core";
import { pipe, T } from "@contentlayer2/utils/effect";

/** Generates .contentlayer from contentlayer.config.ts in the working directory; exits 1 on invalid content. */
export function buildContent({ verbose = false } = {}) {
  return pipe(
    core.getConfig({}),
    T.chain((config) => core.generateDotpkg({ config, verbose })),
    T.tap(core.logGenerateInfo),
    core.runMain({ tracingServiceName: "lantoa-content", verbose }),
  );
}
