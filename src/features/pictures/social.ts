// What a page gives when it is shared: its own social card (or its language's), or a post's own picture; and the cards the build makes.
import type { SiteModel } from "../../core/contract.ts";
import type { PictureService, Rendition } from "../../core/media/picture-service.ts";
import { firstPageTitle, firstPageUrl } from "../../core/model/pagination.ts";
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

/**
 * Pages readers share (not 404s, redirects or root pages, which show their language's home card): a page kept out of
 * search engines, such as the search page, may be shared all the same.
 */
function isShared(view: View): boolean {
  return !view.redirect && !view.bare && view.url.endsWith("/");
}

/** A post's own picture, shared instead of a card when it has a wide enough rendition. */
function ownPicture(view: View, pictures: PictureService | undefined): Rendition | undefined {
  const post = view.post as Post | undefined;
  const widest = post?.image ? pictures?.picture(post.image)?.widest : undefined;
  return widest && widest.width >= MIN_SHARED_WIDTH ? widest : undefined;
}

/**
 * The card a shared page without a picture of its own shows: its own, `/fr/<slug>/card.png`, or for a later page of a
 * list its first page's (the same list, and a card per page would be most of a large site's cards).
 */
function sharedCard(view: View, pictures: PictureService | undefined): { url: string; title: string } | undefined {
  if (!isShared(view) || ownPicture(view, pictures)) return undefined;
  return { url: firstPageUrl(view), title: firstPageTitle(view) };
}

/** Whether the page's card is drawn for it, at its own address. */
export function ownsCard(view: View, pictures: PictureService | undefined): boolean {
  return sharedCard(view, pictures)?.url === view.url;
}

function cardEdition(view: View, model: SiteModel): Edition {
  return view.bare ? model.edition(model.defaultLanguage.code) : model.edition(view.lang);
}

export function cardUrl(view: View, model: SiteModel, pictures: PictureService | undefined): string {
  return `${sharedCard(view, pictures)?.url ?? cardEdition(view, model).routes.home()}card.png`;
}

/** What the card of `view` says: a later page of a list shows its first page's, a page without a card its language's home card. */
export function cardText(view: View, model: SiteModel, pictures: PictureService | undefined): CardText {
  const edition = cardEdition(view, model);
  const t = (key: string) => edition.strings.t(key);
  const card = view.type === "home" ? undefined : sharedCard(view, pictures);
  const post = card ? (view.post as Post | undefined) : undefined;
  return {
    title: card ? card.title : t("site.description"),
    kicker: post && t(`kinds.${post.kind}`),
    site: t("site.title"),
    host: new URL(model.site.url).host,
    language: edition.language.name,
  };
}

/** A post's own picture when it has a wide enough rendition, the page's card otherwise. */
export function socialImage(view: View, model: SiteModel, pictures: PictureService | undefined): SocialImage {
  const own = ownPicture(view, pictures);
  if (own) return { ...own, url: model.absoluteUrl(own.url), alt: (view.post as Post).imageAlt ?? "" };
  const text = cardText(view, model, pictures);
  return {
    url: model.absoluteUrl(cardUrl(view, model, pictures)),
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    type: "image/png",
    alt: cardEdition(view, model).strings.t("pictures.cardAlt", { title: text.title, site: text.site }),
  };
}
