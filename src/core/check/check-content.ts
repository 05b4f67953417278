// `npm run check`: every problem the build would report, plus broken internal links, images without alt text, translations, drafts and embargoes.
import type { DateTime } from "luxon";
import { loadContent, type PageSource, type PostSource } from "../content/load.ts";
import type { Language } from "../content/schema.ts";
import { type Problem, quote } from "../content/problems.ts";
import { buildSiteModel, type SiteModel } from "../model/site-model.ts";
import type { HeldBack } from "../model/types.ts";
import { markdownReferences } from "./markdown-references.ts";
import { translationTable, type TranslationRow } from "./translations.ts";
import { type AssetFile, listAssets } from "../../features/assets/asset-files.ts";

export interface CheckReport {
  problems: Problem[];
  languages: Language[];
  translations: TranslationRow[];
  drafts: { file: string; title: string }[];
  embargoes: HeldBack[];
}

/** Every address the published site answers: its pages, feeds and files, with the anchors of each page. */
function publishedAddresses(model: SiteModel, assetFiles: AssetFile[]): Map<string, Set<string>> {
  const addresses = new Map<string, Set<string>>();
  for (const view of model.views) {
    const html = view.type === "post" ? view.post.html : view.type === "page" ? view.page.html : "";
    addresses.set(view.url, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
  }
  // Files other than pages: feeds and their stylesheets, calendars and programmes, press room downloads.
  const files = [
    ...model.feeds.flatMap((feed) => [feed.url, ...(feed.stylesheet ? [feed.stylesheet] : [])]),
    ...Object.values(model.sections).flatMap((section) => [
      ...section.events.flatMap((event) => [event.calendarUrl, ...(event.days.length ? [event.scheduleUrl] : []), ...event.days.flatMap((day) => day.sessions.map((session) => session.calendarUrl))]),
      ...(section.press ? [section.press.kitUrl, ...section.press.files.keys(), ...section.press.releases.map((release) => release.pdfUrl)] : []),
    ]),
  ];
  for (const url of files) addresses.set(url, new Set());
  for (const url of ["/sitemap.xml", "/robots.txt"]) addresses.set(url, new Set());
  for (const file of assetFiles) addresses.set(file.url, new Set());
  return addresses;
}

function referenceProblems(document: PostSource | PageSource, addresses: Map<string, Set<string>>, language: Language | undefined, siteOrigin: string): Problem[] {
  const problems: Problem[] = [];
  const problem = (field: string, line: number, message: string) => problems.push({ file: document.file, field, line, message, severity: "error" });
  const ownAnchors = new Set([...document.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  for (const reference of markdownReferences(document.body, document.bodyLine, { lang: document.lang, quotes: language?.quotes, siteOrigin })) {
    const { target, line } = reference;
    if (reference.kind === "image" && !reference.alt) problem("image", line, `${target} has no text alternative (expected ![a short description](${target}))`);
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) continue;
    if (target.startsWith("#")) {
      if (!ownAnchors.has(decodeURIComponent(target.slice(1)))) problem("link", line, `${target} points to no heading or anchor of this page (expected ${ownAnchors.size ? `one of ${[...ownAnchors].map((a) => `#${a}`).join(", ")}` : "a heading of this page, and it has none"})`);
      continue;
    }
    if (!target.startsWith("/")) {
      problems.push({ file: document.file, field: reference.kind, line, severity: "warning", message: `${quote(target)} is a relative address (expected an address from the site's root, e.g. /${document.lang}/…)` });
      continue;
    }
    const [pathname = "", anchor] = target.split("#");
    const anchors = addresses.get(decodeURIComponent(pathname));
    if (!anchors) {
      problem(reference.kind, line, `${target} leads to no published page or file of the site (expected an existing address, e.g. /${document.lang}/)`);
    } else if (anchor && !anchors.has(decodeURIComponent(anchor))) {
      problem(reference.kind, line, `${target}: that page has no heading or anchor "${anchor}"`);
    }
  }
  return problems;
}

export async function checkContent(root: string, now: DateTime): Promise<CheckReport> {
  const content = await loadContent(root);
  // The valid documents still make a model, so links are checked even when another file has errors.
  const { model, problems } = buildSiteModel({ ...content, problems: [] }, { now, includeDrafts: false });
  // The files of assets/ as the build publishes them: no link, no dotfile; a refused file is a problem here too.
  const assets = await listAssets(root);
  const all = [...content.problems, ...problems, ...assets.problems];
  if (model) {
    const addresses = publishedAddresses(model, assets.files);
    const languages = new Map(content.languages.map((l) => [l.code, l]));
    for (const document of [...content.posts, ...content.pages]) all.push(...referenceProblems(document, addresses, languages.get(document.lang), new URL(content.site.url).origin));
  }
  all.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return {
    problems: all,
    languages: content.languages,
    translations: translationTable(content.posts, content.languages),
    drafts: content.posts.filter((post) => post.draft).map((post) => ({ file: post.file, title: post.title })),
    embargoes: model?.heldBack ?? [],
  };
}
