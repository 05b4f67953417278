// A press release in the forms made from its Markdown: the .docx of the kit, and the document `npm run mail` sends (text, HTML, PDF).
import type { BuildContext } from "../../core/context.ts";
import type { DocumentOptions, PostDocument, SiteModel } from "../../core/contract.ts";
import type { Edition, Post } from "../../core/model/types.ts";
import { releaseDocx } from "./release-docx.ts";
import { releasePdfFile } from "./release-files.ts";
import { releaseHtml, releaseMarkdown, releaseText } from "./release-text.ts";
import { PRESS_ROOM, type PressRelease, type PressRoom } from "./room.ts";

/** The release as a Word document, made once per build. */
export function releaseDocxFile(
  release: PressRelease,
  room: PressRoom,
  edition: Edition,
  model: SiteModel,
  context: BuildContext,
): Promise<Buffer> {
  const { post } = release;
  return context.artifacts.once(`release-docx:${release.pdfUrl}`, () =>
    releaseDocx({
      locale: edition.language.locale,
      title: post.title,
      author: `${post.author}, ${room.organisation}`,
      standfirst: post.description,
      keywords: post.tags.map((tag) => tag.name),
      tokens: model.markdown(edition.language.code).parse(releaseMarkdown(release, room, edition, model)),
      url: model.absoluteUrl(post.url),
      created: post.date,
      modified: post.updated ?? post.date,
    }),
  );
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
