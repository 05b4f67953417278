// Where the links and images of posts and pages lead, against the list of outputs: the build stops on a broken one, npm run check lists them.
import type { SiteModel } from "../contract.ts";
import { type Problem, quote } from "../content/problems.ts";
import type { MarkdownReference } from "../content/references.ts";
import { msg } from "../i18n/message.ts";
import { nearest } from "../i18n/suggest.ts";
import type { Output } from "../output/output.ts";

/** What the checks read of a post or page. */
export interface LinkingDocument {
  file: string;
  lang: string;
  html: string;
  references: readonly MarkdownReference[];
}

const anchorsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

/** Every address the site answers, from the list of outputs, with the anchors of each page. */
function publishedAddresses(outputs: readonly Output[], model: SiteModel): Map<string, Set<string>> {
  const addresses = new Map<string, Set<string>>();
  for (const output of outputs) addresses.set(output.url, new Set());
  for (const view of model.views) {
    const document = (view.post ?? view.page) as { html: string } | undefined;
    if (document) addresses.set(view.url, anchorsOf(document.html));
  }
  return addresses;
}

interface KnownAddresses {
  addresses: Map<string, Set<string>>;
  /** Posts the build leaves out (drafts, embargoes), by address. */
  unpublished: Map<string, SiteModel["unpublished"][number]>;
}

const isOtherSite = (target: string) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target);

/** The problems of one document's links and images. */
function documentProblems(document: LinkingDocument, site: KnownAddresses, model: SiteModel): Problem[] {
  const { addresses, unpublished } = site;
  const problems: Problem[] = [];
  const ownAnchors = anchorsOf(document.html);
  const decorative = model.markdown(document.lang).options.decorative?.at(-1) ?? "decorative";
  for (const { kind, target, alt, decorative: declared, line } of document.references) {
    const problem = (message: Problem["message"], severity: Problem["severity"] = "error") =>
      problems.push({ file: document.file, field: kind, line, message, severity });
    if (kind === "image" && !alt && !declared)
      problem(
        msg`${target} has no text alternative (expected ![a short description](${target}), or ![${decorative}](${target}) for an image that is only decoration)`,
      );
    if (isOtherSite(target)) continue;
    if (target.startsWith("#")) {
      if (!ownAnchors.has(decodeURIComponent(target.slice(1))))
        problem(
          ownAnchors.size
            ? msg`${target} points to no heading or anchor of this page (expected one of ${[...ownAnchors].map((a) => `#${a}`).join(", ")})`
            : msg`${target} points to no heading or anchor of this page (expected a heading of this page, and it has none)`,
        );
      continue;
    }
    if (!target.startsWith("/")) {
      problem(
        msg`${quote(target)} is a relative address (expected an address from the site's root, e.g. /${document.lang}/…)`,
        "warning",
      );
      continue;
    }
    const [pathname = "", anchor] = target.split("#");
    const address = decodeURIComponent(pathname);
    const anchors = addresses.get(address);
    const held = unpublished.get(address);
    if (held?.until)
      problem(
        msg`${target} leads to ${held.file}, which is held back by its embargo until ${held.until.toISO({ suppressMilliseconds: true }) ?? ""} (expected a published page: remove the link, or give this post an embargo no earlier than that)`,
      );
    else if (held)
      problem(
        msg`${target} leads to ${held.file}, a draft, which is not published (expected a published page: publish that post first, or remove the link)`,
      );
    else if (!anchors) {
      const near = nearest(
        address,
        [...addresses.keys()].filter((url) => url.startsWith(kind === "image" ? "/assets/" : `/${document.lang}/`)),
      );
      problem(
        near
          ? msg`${target} leads to no published page or file of the site (did you mean ${near}?)`
          : kind === "image"
            ? msg`${target} is no file of the site (expected a picture under assets/, e.g. /assets/img/photo.jpg)`
            : msg`${target} leads to no published page or file of the site (expected an existing address, e.g. /${document.lang}/)`,
      );
    } else if (anchor && !anchors.has(decodeURIComponent(anchor)))
      problem(msg`${target}: that page has no heading or anchor "${anchor}"${didYouMeanAnchor(anchor, anchors)}`);
  }
  return problems;
}

function didYouMeanAnchor(anchor: string, anchors: Set<string>) {
  const near = nearest(anchor, anchors);
  return near ? msg` (did you mean #${near}?)` : "";
}

/** The problems of every document's links and images: broken ones are errors, relative addresses warnings. */
export function linkProblems(
  documents: readonly LinkingDocument[],
  outputs: readonly Output[],
  model: SiteModel,
): Problem[] {
  const site = {
    addresses: publishedAddresses(outputs, model),
    unpublished: new Map(model.unpublished.map((post) => [post.url, post])),
  };
  return documents.flatMap((document) => documentProblems(document, site, model));
}
