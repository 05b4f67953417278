// The messages: a press release to one journalist (its notice before the embargo), a digest of new posts to a supporters' list.
import { randomUUID } from "node:crypto";
import type { DateTime } from "luxon";
import { convert } from "html-to-text";
import type Mail from "nodemailer/lib/mailer/index.js";
import type { PostDocument, SiteModel } from "../../core/contract.ts";
import type { Edition, Post } from "../../core/model/types.ts";
import { typeset } from "../../core/typography/french.ts";
import type { MailData } from "./data.ts";

type Journalist = MailData["press"][number];
type SupportersList = NonNullable<MailData["supporters"][string]>;

/** "SOUS EMBARGO JUSQU'AU 7 février 2025 à 9 h 00 (heure de Paris)": the embargo in the site's time zone, in the release's language. */
export function embargoNotice(until: DateTime, edition: Edition, model: SiteModel): string {
  const { locale, code } = edition.language;
  const place = model.dates.zone.split("/").at(-1)?.replace(/_/g, " ") ?? model.dates.zone;
  return typeset(
    edition.strings.t("mail.embargo", {
      date: model.dates.format(until, locale, "long"),
      time: model.dates.format(until, locale, "time"),
      place,
    }),
    code,
  );
}

/** A message id on the site's host: unique, and the log records it. */
function messageId(model: SiteModel): string {
  return `<${randomUUID()}@${new URL(model.site.url).hostname}>`;
}

/** An HTML e-mail: the fragment in a page of its language (mail programs show the title, screen readers read the language). */
function htmlPage(fragment: string, lang: string, title: string): string {
  const escaped = title.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width">\n<title>${escaped}</title>\n</head>\n<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">\n${fragment}\n</body>\n</html>\n`;
}

function sender(data: MailData): Pick<Mail.Options, "from" | "replyTo"> {
  return {
    from: { name: data.from.name, address: data.from.email },
    ...(data.replyTo ? { replyTo: data.replyTo } : {}),
  };
}

export function releaseMessage(
  post: Post,
  document: PostDocument,
  journalist: Journalist,
  notice: string | undefined,
  data: MailData,
  model: SiteModel,
): Mail.Options {
  const edition = model.edition(post.lang);
  const subject = notice
    ? edition.strings.t("mail.release.subjectEmbargo", { notice, title: post.title })
    : edition.strings.t("mail.release.subject", { kind: edition.strings.t(`kinds.${post.kind}`), title: post.title });
  return {
    ...sender(data),
    to: { name: journalist.name, address: journalist.email },
    subject: typeset(subject, post.lang),
    messageId: messageId(model),
    text: document.text,
    html: htmlPage(document.html, post.lang, post.title),
    attachments: document.files.map((file) => ({ filename: file.name, content: file.data, contentType: file.type })),
    headers: { "Content-Language": post.lang },
  };
}

/** The digest as Markdown: each post's title linked to it, its date and summary; then the other ways to follow the site. */
function digestMarkdown(
  posts: Post[],
  since: DateTime,
  list: SupportersList,
  edition: Edition,
  model: SiteModel,
): string {
  const t = (key: string, values?: Record<string, string>) => edition.strings.t(key, values);
  const { locale } = edition.language;
  const entries = posts.map(
    (post) =>
      `**[${post.title}](${model.absoluteUrl(post.url)})**  \n*${model.dates.format(post.date, locale, "long")}* — ${post.description}`,
  );
  const follow = model.registry.followLinks(edition, model).map((link) => `- [${link.text}](${link.url})`);
  return [
    t("mail.digest.intro", { since: model.dates.format(since, locale, "long") }),
    ...entries,
    "---",
    ...(follow.length ? [t("mail.digest.follow"), follow.join("\n")] : []),
    t("mail.digest.footer", { list: list.address, unsubscribe: `<${list.unsubscribe}>` }),
  ].join("\n\n");
}

export function digestMessage(
  posts: Post[],
  since: DateTime,
  list: SupportersList,
  edition: Edition,
  data: MailData,
  model: SiteModel,
): Mail.Options {
  const { code, locale } = edition.language;
  const site = edition.strings.t("site.title");
  const subject = typeset(
    edition.strings.t("mail.digest.subject", { site, since: model.dates.format(since, locale, "long") }),
    code,
  );
  const html = model.markdown(code).render(digestMarkdown(posts, since, list, edition, model));
  return {
    ...sender(data),
    to: list.address,
    subject,
    messageId: messageId(model),
    text: convert(html, {
      wordwrap: 76,
      selectors: [{ selector: "a", options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } }],
    }),
    html: htmlPage(html, code, subject),
    // What list servers and mail programs read to offer "unsubscribe" (RFC 2369, RFC 2919).
    list: {
      id: { url: list.id, comment: site },
      subscribe: list.subscribe,
      unsubscribe: list.unsubscribe,
      archive: model.absoluteUrl(edition.routes.home()),
    },
    headers: { "Content-Language": code },
  };
}
