// `npm run check`: every problem the build would report, plus broken internal links, images without alt text, translations, drafts and embargoes.
import type { DateTime } from "luxon";
import { SiteBuild } from "../build/site-build.ts";
import { createContext } from "../context.ts";
import type { Registry } from "../contract.ts";
import { loadContent } from "../content/load.ts";
import type { Language } from "../content/schema.ts";
import type { PageSource, PostSource } from "../content/types.ts";
import { type Problem, quote } from "../content/problems.ts";
import type { Markdown } from "../markdown/render.ts";
import { buildSiteModel } from "../model/site-model.ts";
import type { SiteModel } from "../contract.ts";
import type { HeldBack } from "../model/types.ts";
import type { TemplateRenderer } from "../contract.ts";
import type { Output } from "../output/output.ts";
import { markdownReferences } from "./markdown-references.ts";
import { translationTable, type TranslationRow } from "./translations.ts";

export interface CheckReport {
  problems: Problem[];
  languages: Language[];
  translations: TranslationRow[];
  drafts: { file: string; title: string }[];
  embargoes: HeldBack[];
}

/** Every address the published site answers, from the same list of outputs the build writes, with the anchors of each page. */
function publishedAddresses(outputs: readonly Output[], model: SiteModel): Map<string, Set<string>> {
  const anchors = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  const addresses = new Map<string, Set<string>>();
  for (const output of outputs) addresses.set(output.url, new Set());
  for (const view of model.views) {
    const document = (view.post ?? view.page) as { html: string } | undefined;
    if (document) addresses.set(view.url, anchors(document.html));
  }
  return addresses;
}

/** `npm run check` renders nothing: it only needs the addresses of the outputs. */
const NO_TEMPLATES: TemplateRenderer = {
  render: (name) => {
    throw new Error(`npm run check renders no template (${name})`);
  },
};

function referenceProblems(
  document: PostSource | PageSource,
  addresses: Map<string, Set<string>>,
  markdown: Markdown | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (field: string, line: number, message: string) =>
    problems.push({ file: document.file, field, line, message, severity: "error" });
  const ownAnchors = new Set([...document.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  for (const reference of markdown ? markdownReferences(document.body, document.bodyLine, markdown) : []) {
    const { target, line } = reference;
    if (reference.kind === "image" && !reference.alt)
      problem("image", line, `${target} has no text alternative (expected ![a short description](${target}))`);
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) continue;
    if (target.startsWith("#")) {
      if (!ownAnchors.has(decodeURIComponent(target.slice(1))))
        problem(
          "link",
          line,
          `${target} points to no heading or anchor of this page (expected ${ownAnchors.size ? `one of ${[...ownAnchors].map((a) => `#${a}`).join(", ")}` : "a heading of this page, and it has none"})`,
        );
      continue;
    }
    if (!target.startsWith("/")) {
      problems.push({
        file: document.file,
        field: reference.kind,
        line,
        severity: "warning",
        message: `${quote(target)} is a relative address (expected an address from the site's root, e.g. /${document.lang}/…)`,
      });
      continue;
    }
    const [pathname = "", anchor] = target.split("#");
    const anchors = addresses.get(decodeURIComponent(pathname));
    if (!anchors) {
      problem(
        reference.kind,
        line,
        `${target} leads to no published page or file of the site (expected an existing address, e.g. /${document.lang}/)`,
      );
    } else if (anchor && !anchors.has(decodeURIComponent(anchor))) {
      problem(reference.kind, line, `${target}: that page has no heading or anchor "${anchor}"`);
    }
  }
  return problems;
}

export async function checkContent(root: string, now: DateTime, registry: Registry): Promise<CheckReport> {
  const context = createContext({ root, now, mode: "production" });
  const content = await loadContent(context, registry);
  // The valid documents still make a model, so links are checked even when another file has errors.
  const { model, problems } = buildSiteModel({ ...content, problems: [] }, registry, context);
  const all = [...content.problems, ...problems];
  if (model) {
    const build = new SiteBuild(model, NO_TEMPLATES, context);
    const outputs = build.outputs();
    all.push(...build.outputProblems(outputs));
    const addresses = publishedAddresses(outputs, model);
    for (const document of [...content.posts, ...content.pages])
      all.push(...referenceProblems(document, addresses, content.markdown.get(document.lang)));
  }
  all.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return {
    problems: all,
    languages: content.languages,
    translations: translationTable(content.posts, content.languages),
    drafts: content.posts.filter((post) => post.draft).map((post) => ({ file: post.file, title: post.title })),
    embargoes: [...(model?.heldBack ?? [])],
  };
}
