// What a page gives when it is shared: its own social card (or its language's), or a post's own picture; and the cards the build makes.
import type { SiteModel } from "../../core/contract.ts";
import type { PictureService } from "../../core/media/picture-service.ts";
import type { Edition, Post, View } from "../../core/model/types.ts";
import { CARD_HEIGHT, CARD_WIDTH, type CardText } from "./card.ts";

/** A post's picture narrower than this is shared as its card instead: networks show small pictures as thumbnails. */
const MIN_SHARED_WIDTH = 600;

/** An image as Open Graph describes it. */
export interface SocialImage {
  url: string;
  width: number;
  height: number;
  type: string;
  alt: string;
}

/** Pages readers share get a card of their own (`/fr/<slug>/card.png`); 404s, redirects and root pages show their language's home card. */
export function ownsCard(view: View): boolean {
  return !view.noindex && !view.redirect && !view.bare && view.url.endsWith("/");
}

function cardEdition(view: View, model: SiteModel): Edition {
  return view.bare ? model.edition(model.defaultLanguage.code) : model.edition(view.lang);
}

export function cardUrl(view: View, model: SiteModel): string {
  return `${ownsCard(view) ? view.url : cardEdition(view, model).routes.home()}card.png`;
}

/** What the card of `view` says (for a page without its own card, what its language's home card says). */
export function cardText(view: View, model: SiteModel): CardText {
  const edition = cardEdition(view, model);
  const t = (key: string) => edition.strings.t(key);
  const post = ownsCard(view) ? (view.post as Post | undefined) : undefined;
  return {
    title: ownsCard(view) && view.type !== "home" ? view.title : t("site.description"),
    kicker: post && t(`kinds.${post.kind}`),
    site: t("site.title"),
    host: new URL(model.site.url).host,
    language: edition.language.name,
  };
}

/** A post's own picture when it has a wide enough rendition, the page's card otherwise. */
export function socialImage(view: View, model: SiteModel, pictures: PictureService | undefined): SocialImage {
  const post = view.post as Post | undefined;
  const own = post?.image ? pictures?.picture(post.image)?.widest : undefined;
  if (post && own && own.width >= MIN_SHARED_WIDTH)
    return { ...own, url: model.absoluteUrl(own.url), alt: post.imageAlt ?? "" };
  const text = cardText(view, model);
  return {
    url: model.absoluteUrl(cardUrl(view, model)),
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    type: "image/png",
    alt: cardEdition(view, model).strings.t("pictures.cardAlt", { title: text.title, site: text.site }),
  };
}
