import type { ComponentType } from "react";
import { getMDXComponent } from "next-contentlayer2/hooks";

type MdxBody = ComponentType<Record<string, never>>;
const compiled = new Map<string, MdxBody>();

// Stories are plain Markdown in MDX, rendered on the server only. The compiled body is a
// stateless function of its props, so it is evaluated once per story and called directly.
export function MdxContent({ code }: { code: string }) {
  let body = compiled.get(code);
  if (!body) {
    body = getMDXComponent(code) as MdxBody;
    compiled.set(code, body);
  }
  return (body as (props: Record<string, never>) => React.ReactNode)({});
}
