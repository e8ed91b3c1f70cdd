// Subject kinds in URLs: the same Vietnamese slugs in both locales, like every other slug.
export const KIND_SLUGS = { individual: "ca-nhan", collective: "tap-the" } as const;
export type SubjectKind = keyof typeof KIND_SLUGS;

export function kindFromSlug(slug: string): SubjectKind | undefined {
  return (Object.keys(KIND_SLUGS) as SubjectKind[]).find((k) => KIND_SLUGS[k] === slug);
}
