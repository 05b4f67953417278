// A press release in the forms made from its Markdown: the .docx of the kit, and the document `npm run mail` sends (text, HTML, PDF).
import type { BuildContext } from "../../core/context.ts";
import type { DocumentOptions, PostDocument, SiteModel } from "../../core/contract.ts";
import type { Edition, Post } from "../../core/model/types.ts";
import { codeVersion } from "../../core/build/cache.ts";
import { releaseDocx } from "./release-docx.ts";
import { releasePdfFile } from "./release-files.ts";
import { releaseHtml, releaseMarkdown, releaseText } from "./release-text.ts";
import { PRESS_ROOM, type PressRelease, type PressRoom } from "./room.ts";

const DOCUMENT_VERSION = codeVersion(
  ["docx", "html-to-text", "markdown-it"],
  ["./release-docx.ts", "./release-text.ts"].map((file) => new URL(file, import.meta.url)),
);

/**
 * The release as a Word document, made once per build, and kept in the cache by what it is made from: making the
 * .docx of every release again at each build took seconds on a large site, for files that had not changed.
 */
export function releaseDocxFile(
  release: PressRelease,
  room: PressRoom,
  edition: Edition,
  model: SiteModel,
  context: BuildContext,
): Promise<Buffer> {
  const { post } = release;
  const markdown = releaseMarkdown(release, room, edition, model);
  const fields = {
    locale: edition.language.locale,
    title: post.title,
    author: `${post.author}, ${room.organisation}`,
    standfirst: post.description,
    keywords: post.tags.map((tag) => tag.name),
    url: model.absoluteUrl(post.url),
    created: post.date,
    modified: post.updated ?? post.date,
  };
  const cache = context.cache.namespace("release-docx", DOCUMENT_VERSION);
  return context.artifacts.once(`release-docx:${release.pdfUrl}`, () =>
    cache.remember(cache.key(JSON.stringify({ ...fields, markdown })), () =>
      releaseDocx({ ...fields, tokens: model.markdown(edition.language.code).parse(markdown) }),
    ),
  );
}

/** The release as plain text for the kit, kept in the cache by its Markdown and address like the .docx. */
export async function releaseTextFile(
  markdown: string,
  release: PressRelease,
  model: SiteModel,
  context: BuildContext,
) {
  const cache = context.cache.namespace("release-text", DOCUMENT_VERSION);
  const key = cache.key(
    JSON.stringify({ markdown, lang: release.post.lang, url: model.absoluteUrl(release.post.url) }),
  );
  return (await cache.remember(key, async () => releaseText(markdown, release, model))).toString("utf8");
}

/** A published press release of `model` as a document to send: its text, its HTML and its PDF, each opening with the notice. */
export async function releaseDocument(
  post: Post,
  model: SiteModel,
  context: BuildContext,
  options: DocumentOptions,
): Promise<PostDocument> {
  const edition = model.edition(post.lang);
  const room = PRESS_ROOM.require(edition);
  const release = room.releases.find((candidate) => candidate.post === post);
  if (!release) throw new Error(`${post.file}: not a published press release of the ${post.lang} press room`);
  const markdown = releaseMarkdown(release, room, edition, model, options.notice);
  return {
    text: releaseText(markdown, release, model),
    html: await releaseHtml(markdown, release, model),
    files: [
      {
        name: `${post.slug}.pdf`,
        type: "application/pdf",
        data: await releasePdfFile(release, room, edition, model, context, options.notice),
      },
    ],
  };
}
