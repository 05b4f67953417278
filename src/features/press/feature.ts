// The press room: press releases (dateline, PDF, embargo), contacts with vCards, about us, fact sheet, pictures, and one ZIP press kit per language.
import { defineFeature } from "../../core/feature.ts";
import { msg } from "../../core/i18n/message.ts";
import { modelFrom } from "../../core/render/filters.ts";
import type { Output } from "../../core/output/output.ts";
import type { Post } from "../../core/model/types.ts";
import { PRESS_FILE, type PressSource, loadPress } from "./data.ts";
import { pressFields } from "./fields.ts";
import { formatFileSize } from "./file-size.ts";
import { pressKit } from "./kit.ts";
import { mediaViews } from "./media-view.ts";
import { releaseDocument } from "./release-document.ts";
import { pdfSizes, releasePdfFile } from "./release-files.ts";
import { PRESS_RELEASE_KIND, PRESS_ROOM, datelineOf, pressRoom } from "./room.ts";
import { PRESS_PATH, pressRoutes } from "./routes.ts";
import { vCard, vCards } from "./vcard.ts";
import { type PressReleasesView, type PressRoomView, pressViews } from "./views.ts";

export default defineFeature<PressSource | undefined>({
  name: "press",
  kinds: [
    {
      name: PRESS_RELEASE_KIND,
      // Made again as a PDF and a Markdown file: its source is kept.
      keepsSource: true,
      schemaType: "NewsArticle",
      feed: {
        url: (routes) => `${routes.path(PRESS_PATH)}feed.xml`,
        title: "feeds.title.press",
        subtitle: "feeds.subtitle.press",
        subscribeTitle: "subscribe.pressTitle",
        subscribeText: "subscribe.press",
        page: (edition) => PRESS_ROOM.get(edition)?.url,
      },
    },
  ],
  paths: [PRESS_PATH],
  watch: [PRESS_FILE],
  postFields: pressFields,
  refinePost(post, issue) {
    if (post.kind === PRESS_RELEASE_KIND && !post.dateline)
      issue(
        "dateline",
        msg`missing (expected the city the release is issued from, e.g. dateline: Paris; every press release has one)`,
      );
  },
  // A release dated before its embargo shows readers a date before they could read it.
  check: (content) =>
    content.posts
      .filter((post) => post.kind === PRESS_RELEASE_KIND && post.embargo && post.date < post.embargo)
      .map((post) => ({
        file: post.file,
        field: "date",
        line: post.lines.date,
        severity: "warning" as const,
        message: msg`${post.date.toISO({ suppressMilliseconds: true, suppressSeconds: true }) ?? ""} is before the embargo, ${post.embargo?.toISO({ suppressMilliseconds: true, suppressSeconds: true }) ?? ""} (expected the release dated at its embargo or later: its date is what readers see)`,
      })),
  load: (context, content, problems) =>
    loadPress(
      context,
      content.languages.map((l) => l.code),
      content.site.timezone,
      content.posts,
      problems,
    ),
  link(model, source) {
    if (!source) return;
    for (const edition of model.editions) {
      const room = pressRoom(source, edition, model);
      if (room) PRESS_ROOM.set(edition, room);
    }
  },
  views: pressViews,
  viewData: {
    "press-room": async (view, model, context) => {
      const edition = model.edition(view.lang);
      const room = PRESS_ROOM.require(edition);
      const pdfBytes = await pdfSizes((view as PressRoomView).latest, room, edition, model, context);
      const media = await mediaViews([...room.logos, ...room.photos], model);
      return { kit: (await pressKit(room, edition, model, context)).kit, pdfBytes, media };
    },
    "press-releases": async (view, model, context) => {
      const edition = model.edition(view.lang);
      const releases = (view as PressReleasesView).items;
      return { pdfBytes: await pdfSizes(releases, PRESS_ROOM.require(edition), edition, model, context) };
    },
  },
  outputs(model, context, _templates, source) {
    // PNG renditions of the SVG logos, the same in every language (the originals are published with the other assets).
    const pictures = [...(source?.logos ?? []), ...(source?.photos ?? [])].flatMap((item) =>
      item.images.derived.map((image): Output => ({
        url: image.url,
        type: `image/${image.format === "svg" ? "svg+xml" : image.format}`,
        origin: { feature: "press", file: PRESS_FILE },
        produce: () => image.data,
      })),
    );
    return [
      ...pictures,
      ...Object.values(model.editions).flatMap((edition): Output[] => {
        const room = PRESS_ROOM.get(edition);
        if (!room) return [];
        const origin = { feature: "press", file: PRESS_FILE };
        return [
          ...room.contacts.map((contact) => ({
            url: contact.cardUrl,
            type: "text/vcard",
            origin,
            produce: () => vCard(contact.card),
          })),
          {
            url: room.contactsCardUrl,
            type: "text/vcard",
            origin,
            produce: () => vCards(room.contacts.map((contact) => contact.card)),
          },
          ...room.releases.map((release) => ({
            url: release.pdfUrl,
            type: "application/pdf",
            origin: { feature: "press", file: release.post.file },
            produce: () => releasePdfFile(release, room, edition, model, context),
          })),
          {
            url: room.kitUrl,
            type: "application/zip",
            origin,
            produce: async () => (await pressKit(room, edition, model, context)).zip,
          },
        ];
      }),
    ];
  },
  // What `npm run mail` sends journalists: the release framed as on its page, with its PDF.
  documents: { [PRESS_RELEASE_KIND]: releaseDocument },
  filters: {
    /** `{{ bytes | fileSize(lang) }}`: "1,2 Mo", "1.2 MB". */
    fileSize(bytes: number, lang: string) {
      return formatFileSize(bytes, modelFrom(this).edition(lang).language.locale);
    },
    /** `{{ post | dateline }}`: "Paris, le 7 février 2025". */
    dateline(post: Post) {
      const model = modelFrom(this);
      return datelineOf(post, model.edition(post.lang), model.dates);
    },
    /** The PDF of a press release, beside its page. */
    releasePdfUrl(post: Post) {
      return pressRoutes(
        modelFrom(this).edition(post.lang).routes,
        modelFrom(this).edition(post.lang).strings,
      ).releasePdf(post.slug);
    },
  },
  // A release is issued from a city, under embargo until its time (with the offset of the site's time zone then).
  scaffold: ({ kind, strings, now }) =>
    kind === PRESS_RELEASE_KIND
      ? {
          fields: {
            description: strings.t("new.pressDescription"),
            dateline: "Paris",
            embargo: now.toISO({ suppressSeconds: true, suppressMilliseconds: true }),
          },
          body: strings.t("new.pressBody"),
        }
      : {},
});
