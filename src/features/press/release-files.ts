// A press release's PDF, with the same dateline, end mark, "about us" and contacts as its page: drawn once per build, kept in the cache.
import type { BuildContext } from "../../core/context.ts";
import type { SiteModel } from "../../core/contract.ts";
import type { Edition, Post } from "../../core/model/types.ts";
import { createHash } from "node:crypto";
import type { ReleasePdf } from "./pdf.ts";
import type { PressRelease, PressRoom } from "./room.ts";
import { codeVersion } from "../../core/build/cache.ts";
import { loadSharp, publishedPicture } from "../../core/media/clean-images.ts";

const PDF_VERSION = codeVersion(
  ["pdfkit", "dejavu-fonts-ttf"],
  ["./pdf.ts", "./pdf-markdown.ts", "./pdf-writer.ts"].map((file) => new URL(file, import.meta.url)),
);
const LOGO_VERSION = codeVersion(["sharp"], [new URL(import.meta.url)]);
/** The letterhead's logo is drawn 34 points wide: four times that in pixels stays sharp in print. */
const LOGO_PIXELS = 136;

/** Everything a PDF is drawn from, as text: its fields, its logo's digest, and its label templates (filled with sample values). */
function pdfKey(release: ReleasePdf): string {
  const { logo, ...letterhead } = release.letterhead;
  return JSON.stringify({
    ...release,
    letterhead: { ...letterhead, logo: logo && createHash("sha256").update(logo).digest("hex") },
    pair: release.contacts.pair("{name}", "{value}"),
    pageLabel: release.pageLabel(1, 2),
  });
}

/** The site's logo (`logo` in _data/site.yaml, an SVG) as a PNG for the letterhead, made once per build. */
function letterheadLogo(model: SiteModel, context: BuildContext): Promise<Buffer | undefined> {
  const file = model.site.logo;
  if (!file) return Promise.resolve(undefined);
  return context.artifacts.once("letterhead-logo", async () => {
    const svg = await publishedPicture(context.root, file.replace(/^\//, ""), context.media);
    const density = Math.min(100_000, (72 * LOGO_PIXELS) / Math.max(1, svg.width));
    const png = await context.media.remember(
      `letterhead-${LOGO_PIXELS}`,
      svg.data,
      async () => ({
        data: await (await loadSharp())(svg.data, { density }).resize({ width: LOGO_PIXELS }).png().toBuffer(),
      }),
      LOGO_VERSION,
    );
    return png.data;
  });
}

/** A press release's Markdown source, kept in the model for the files made from it. */
export function sourceOf(post: Post): string {
  if (post.body === undefined)
    throw new Error(`${post.file}: the Markdown source of a press release is not kept in the model`);
  return post.body;
}

/** A PDF drawn by an earlier build from the same input comes from the cache: drawing one takes tens of milliseconds. */
async function cachedPdf(release: ReleasePdf, context: BuildContext): Promise<Buffer> {
  const cache = context.cache.namespace("release-pdf", PDF_VERSION);
  return cache.remember(cache.key(pdfKey(release)), async () => {
    // Loaded only when a PDF must be drawn: PDFKit and fontkit take a fifth of a second to load, for nothing when all are cached.
    const { releasePdf } = await import("./pdf.ts");
    return releasePdf(
      release,
      context.session.keep("pdf-fonts", () => new Map<string, Buffer>()),
    );
  });
}

/**
 * The release's PDF, drawn once per build whichever output needs it first (its link, the press kit); with a `notice`
 * (an embargo notice, for a release sent before its time), a copy that opens with it and carries it on every page.
 */
export function releasePdfFile(
  release: PressRelease,
  room: PressRoom,
  edition: Edition,
  model: SiteModel,
  context: BuildContext,
  notice?: string,
): Promise<Buffer> {
  return context.artifacts.once(`release-pdf:${release.pdfUrl}:${notice ?? ""}`, () =>
    drawReleasePdf(release, room, edition, model, context, notice),
  );
}

/** The size of each release's PDF, by its address: pages show it beside the link. */
export async function pdfSizes(
  releases: readonly PressRelease[],
  room: PressRoom,
  edition: Edition,
  model: SiteModel,
  context: BuildContext,
): Promise<Record<string, number>> {
  const sizes = await Promise.all(
    releases.map(async (release) => [
      release.pdfUrl,
      (await releasePdfFile(release, room, edition, model, context)).length,
    ]),
  );
  return Object.fromEntries(sizes) as Record<string, number>;
}

async function drawReleasePdf(
  release: PressRelease,
  room: PressRoom,
  edition: Edition,
  model: SiteModel,
  context: BuildContext,
  notice: string | undefined,
): Promise<Buffer> {
  const { post } = release;
  const t = (key: string, values?: Record<string, string | number>) => edition.strings.t(key, values);
  const markdown = model.markdown(edition.language.code);
  return cachedPdf(
    {
      locale: edition.language.locale,
      letterhead: { name: room.organisation, accent: model.site.accent, logo: await letterheadLogo(model, context) },
      notice,
      kind: t("kinds.press-release"),
      title: post.title,
      dateline: release.dateline,
      standfirst: post.description,
      body: markdown.parse(sourceOf(post)),
      endMark: t("press.release.endMark"),
      about: { heading: t("press.about"), body: markdown.parse(room.boilerplate.markdown) },
      contacts: {
        heading: t("press.contacts.heading"),
        labels: {
          email: t("press.contacts.email"),
          phone: t("press.contacts.phone"),
          languages: t("press.contacts.languages"),
        },
        list: room.contacts,
        pair: (name, value) => t("press.pair", { name, value }),
      },
      url: model.absoluteUrl(post.url),
      author: `${post.author}, ${room.organisation}`,
      keywords: post.tags.map((tag) => tag.name),
      pageLabel: (n, total) => t("press.release.page", { n, total }),
      created: post.date,
      modified: post.updated ?? post.date,
    },
    context,
  );
}
