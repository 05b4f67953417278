// A press release as text a journalist can paste or read anywhere, framed like its page: Markdown (the source), HTML with absolute links, plain text.
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import { convert } from "html-to-text";
import type { SiteModel } from "../../core/contract.ts";
import type { Edition } from "../../core/model/types.ts";
import { sourceOf } from "./release-files.ts";
import type { PressRelease, PressRoom } from "./room.ts";

/** Plain text lines wrap as e-mail wants them (RFC 5322 recommends at most 78 characters). */
const TEXT_WIDTH = 76;

/**
 * The release as one Markdown document: the body as the collective wrote it, with its dateline, standfirst, end mark,
 * "about us", contacts and address; `notice` (an embargo notice) opens it. The HTML, text and .docx forms are made from it.
 */
export function releaseMarkdown(
  release: PressRelease,
  room: PressRoom,
  edition: Edition,
  model: SiteModel,
  notice?: string,
): string {
  const { post } = release;
  const t = (key: string, values?: Record<string, string | number>) => edition.strings.t(key, values);
  const pair = (name: string, value: string) => t("press.pair", { name, value });
  const contacts = room.contacts.map((contact) =>
    [
      `- **${contact.name}**, ${contact.role}`,
      pair(t("press.contacts.email"), contact.email),
      pair(t("press.contacts.phone"), contact.phone),
      pair(t("press.contacts.languages"), contact.languages),
    ].join("  \n  "),
  );
  return (
    [
      ...(notice ? [`**${notice}**`] : []),
      `# ${post.title}`,
      `**${release.dateline}**`,
      `**${post.description}**`,
      sourceOf(post).trim(),
      `*${t("press.release.endMark")}*`,
      `## ${t("press.about")}`,
      room.boilerplate.markdown.trim(),
      `## ${t("press.contacts.heading")}`,
      contacts.join("\n"),
      pair(t("press.title"), `<${model.absoluteUrl(room.url)}>`),
      `<${model.absoluteUrl(post.url)}>`,
    ].join("\n\n") + "\n"
  );
}

/** The release's Markdown as HTML, every link absolute (it is read away from the site: in an e-mail, a word processor). */
export function releaseHtml(markdown: string, release: PressRelease, model: SiteModel): Promise<string> {
  const html = model.markdown(release.post.lang).render(markdown);
  return convertHtmlToAbsoluteUrls(html, model.absoluteUrl(release.post.url));
}

/** The release as plain text: headings underlined, lists kept, each link's address after its text. */
export function releaseText(markdown: string, release: PressRelease, model: SiteModel): string {
  const heading = (level: number) => ({
    uppercase: false,
    leadingLineBreaks: level === 1 ? 1 : 2,
    trailingLineBreaks: 1,
  });
  return (
    convert(model.markdown(release.post.lang).render(markdown), {
      wordwrap: TEXT_WIDTH,
      selectors: [
        // A heading's own permalink (#id) says nothing away from the page.
        {
          selector: "a",
          options: { baseUrl: model.absoluteUrl(release.post.url), noAnchorUrl: true, hideLinkHrefIfSameAsText: true },
        },
        { selector: "h1", options: heading(1) },
        { selector: "h2", options: heading(2) },
        { selector: "h3", options: heading(3) },
        { selector: "img", format: "skip" },
      ],
    }).trim() + "\n"
  );
}
