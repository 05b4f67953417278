// `npm run check`: every problem the build would report (drafts checked too), the translation table, the drafts and the embargoes.
import type { DateTime } from "luxon";
import { createContext } from "../context.ts";
import type { Registry } from "../contract.ts";
import { loadContent } from "../content/load.ts";
import type { Language } from "../content/schema.ts";
import type { Problem } from "../content/problems.ts";
import type { HeldBack } from "../model/types.ts";
import { siteProblems } from "./site-problems.ts";
import { sortRows, translationTable, type TranslationRow } from "./translations.ts";

export interface CheckReport {
  problems: Problem[];
  languages: Language[];
  translations: TranslationRow[];
  drafts: { file: string; title: string }[];
  embargoes: HeldBack[];
}

export async function checkContent(root: string, now: DateTime, registry: Registry): Promise<CheckReport> {
  const context = createContext({ root, now, mode: "production" });
  const content = await loadContent(context, registry);
  // Drafts are checked too, against the published site: what they link to must be there once they are published.
  const { model, problems: all } = siteProblems(content, registry, context, [...content.posts, ...content.pages]);
  all.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return {
    problems: all,
    languages: content.languages,
    translations: sortRows([
      ...translationTable(content.posts, content.pages, content.languages),
      ...registry.features.flatMap((feature) =>
        content.data.has(feature.name)
          ? (feature.translations?.(content.data.get(feature.name), content.languages) ?? [])
          : [],
      ),
    ]),
    drafts: content.posts.filter((post) => post.draft).map((post) => ({ file: post.file, title: post.title })),
    embargoes: [...(model?.heldBack ?? [])],
  };
}
