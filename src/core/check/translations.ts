// The translation table: for each translationKey and language, whether the piece is there, missing, or older than its source.
import type { PostSource } from "../content/types.ts";
import type { Language } from "../content/schema.ts";

export type TranslationState = "source" | "present" | "outdated" | "missing" | "draft";

export interface TranslationRow {
  translationKey: string;
  cells: Record<string, { state: TranslationState; file?: string }>;
}

const lastChange = (post: PostSource) => (post.updated ?? post.date).toMillis();

/**
 * The source of a piece is its version in the default language, or else its oldest version;
 * a translation last changed before its source was is "outdated".
 */
export function translationTable(posts: PostSource[], languages: Language[]): TranslationRow[] {
  const byKey = new Map<string, PostSource[]>();
  for (const post of posts) byKey.set(post.translationKey, [...(byKey.get(post.translationKey) ?? []), post]);
  const [defaultLanguage] = languages;
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([translationKey, versions]) => {
      const source =
        versions.find((v) => v.lang === defaultLanguage?.code) ??
        [...versions].sort((a, b) => a.date.toMillis() - b.date.toMillis())[0]!;
      const cells: TranslationRow["cells"] = {};
      for (const language of languages) {
        const version = versions.find((v) => v.lang === language.code);
        const state: TranslationState = !version
          ? "missing"
          : version.draft
            ? "draft"
            : version === source
              ? "source"
              : lastChange(version) < lastChange(source)
                ? "outdated"
                : "present";
        cells[language.code] = version ? { state, file: version.file } : { state };
      }
      return { translationKey, cells };
    });
}
