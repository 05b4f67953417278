// The files the pictures feature adds to the site: every rendition of every picture, and a social card per page readers share.
import { statSync } from "node:fs";
import path from "node:path";
import { msg } from "../../core/i18n/message.ts";
import type { SiteModel } from "../../core/contract.ts";
import type { BuildContext } from "../../core/context.ts";
import { publishedPicture } from "../../core/media/clean-images.ts";
import type { Output } from "../../core/output/output.ts";
import type { PictureService } from "../../core/media/picture-service.ts";
import { CARD_VERSION, CardPainter, type CardStyle, cardFonts, cardLogo } from "./card.ts";
import type { PictureBook } from "./service.ts";
import { cardText, cardUrl, ownsCard } from "./social.ts";

export function renditionOutputs(book: PictureBook): Output[] {
  return book.pictures.flatMap((picture) =>
    picture.renditions.map((rendition) => ({
      url: rendition.url,
      type: rendition.type,
      origin: { feature: "pictures", file: picture.url.slice(1) },
      // Named after the picture's content and the rendition's size and format: the same name, the same file.
      inputs: () => rendition.url,
      produce: () => book.bytes(rendition),
    })),
  );
}

/** The logo and colour every card shares, made once per build (and the logo's PNG kept with the media work). */
function cardStyle(model: SiteModel, context: BuildContext): Promise<CardStyle> {
  return context.artifacts.once("pictures:card-style", async () => {
    const { logo, accent } = model.site;
    if (!logo) return { accent };
    const svg = await publishedPicture(context.root, logo.slice(1), context.media);
    const png = await context.media.remember(
      "card-logo",
      svg.data,
      async () => ({ data: await cardLogo(svg.data, svg.width) }),
      CARD_VERSION,
    );
    return { accent, logo: png.data };
  });
}

/** The logo file's size and time of change, or nothing without a logo. */
function logoStamp(model: SiteModel, context: BuildContext): string | undefined {
  const { logo } = model.site;
  if (!logo) return undefined;
  const status = statSync(path.join(context.root, logo), { throwIfNoEntry: false });
  return status && `${status.size}:${status.mtimeMs}`;
}

/** Each card is kept by what it shows: a page whose title, language and the site's look are unchanged is not drawn again. */
export function cardOutputs(model: SiteModel, context: BuildContext, pictures: PictureService): Output[] {
  const store = context.cache.namespace("social-cards", CARD_VERSION);
  // Made at the first card to draw: a build whose cards are all in the cache loads no font.
  const painter = () =>
    context.artifacts.once("pictures:card-painter", async () => {
      context.log.info(msg`pictures: drawing the social cards of new or changed pages`);
      return new CardPainter(await cardStyle(model, context), await cardFonts());
    });
  return model.views
    .filter((view) => ownsCard(view, pictures))
    .map((view) => ({
      url: cardUrl(view, model, pictures),
      type: "image/png",
      origin: { feature: "pictures", file: view.origin?.file },
      // What it shows, and the logo file it draws (the accent colour is a setting, in every output's inputs).
      inputs: () => ({ text: cardText(view, model, pictures), logo: logoStamp(model, context) }),
      produce: async () => {
        const text = cardText(view, model, pictures);
        const style = await cardStyle(model, context);
        const key = store.key(JSON.stringify({ text, accent: style.accent, logo: style.logo?.toString("base64") }));
        return store.remember(key, async () => (await painter()).draw(text));
      },
    }));
}
