// `npm run check`: every problem the build would report (drafts checked too), the translation table, the drafts and the embargoes.
import type { DateTime } from "luxon";
import { SiteBuild } from "../build/site-build.ts";
import { createContext } from "../context.ts";
import type { Registry } from "../contract.ts";
import { loadContent } from "../content/load.ts";
import type { Language } from "../content/schema.ts";
import type { Problem } from "../content/problems.ts";
import { buildSiteModel } from "../model/site-model.ts";
import type { HeldBack } from "../model/types.ts";
import type { TemplateRenderer } from "../contract.ts";
import { sortRows, translationTable, type TranslationRow } from "./translations.ts";

export interface CheckReport {
  problems: Problem[];
  languages: Language[];
  translations: TranslationRow[];
  drafts: { file: string; title: string }[];
  embargoes: HeldBack[];
}

/** `npm run check` renders nothing: it only needs the addresses of the outputs. */
const NO_TEMPLATES: TemplateRenderer = {
  render: (name) => {
    throw new Error(`npm run check renders no template (${name})`);
  },
};

export async function checkContent(root: string, now: DateTime, registry: Registry): Promise<CheckReport> {
  const context = createContext({ root, now, mode: "production" });
  const content = await loadContent(context, registry);
  // The valid documents still make a model, so links are checked even when another file has errors.
  const { model, problems } = buildSiteModel({ ...content, problems: [] }, registry, context);
  const all = [...content.problems, ...problems];
  if (model) {
    const build = new SiteBuild(model, NO_TEMPLATES, context);
    // Drafts are checked too, against the published site: what they link to must be there once they are published.
    all.push(...build.outputProblems(build.outputs(), [...content.posts, ...content.pages]));
  }
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
