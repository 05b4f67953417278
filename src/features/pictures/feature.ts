// Pictures: responsive renditions (eleventy-img) of every picture of assets/ in bodies and posts' own pictures, credits, social cards and share links.
import { defineFeature } from "../../core/feature.ts";
import { PICTURES } from "../../core/media/picture-service.ts";
import type { Post, View } from "../../core/model/types.ts";
import { modelFrom } from "../../core/render/filters.ts";
import { responsiveBody } from "./body.ts";
import { cardOutputs, renditionOutputs } from "./outputs.ts";
import { PictureBook } from "./service.ts";
import { fediverseAccount, shareLinks } from "./share.ts";
import { socialImage } from "./social.ts";
import { pictureSources } from "./sources.ts";

export default defineFeature<PictureBook>({
  name: "pictures",
  async load(context, content) {
    const strings = (lang: string) => content.strings.get(lang) ?? [...content.strings.values()][0]!;
    return new PictureBook(await pictureSources(context), context, strings);
  },
  link: (model, book) => PICTURES.set(model, book),
  transformBody: (html, _document, _model, book) => responsiveBody(html, book.sources, book),
  filters: {
    /** `{{ post | leadPicture | safe }}`: the post's own picture, responsive, with its credit and licence. */
    leadPicture(post: Post) {
      return PICTURES.get(modelFrom(this))?.lead(post) ?? "";
    },
    /** `{% set image = view | socialImage %}`: what Open Graph shares of the page (url, width, height, type, alt). */
    socialImage(view: View) {
      const model = modelFrom(this);
      return socialImage(view, model, PICTURES.get(model));
    },
    /** `{% set share = view | shareLinks %}`: e-mail, Mastodon and address, without script or tracking. */
    shareLinks(view: View) {
      return shareLinks(view, modelFrom(this));
    },
    /** `{{ "@collectif@mastodon.example" | fediverseProfile }}`: the account's page, for rel="me". */
    fediverseProfile(handle: string) {
      return fediverseAccount(handle).profile;
    },
  },
  outputs: (model, context, _templates, book) => [...renditionOutputs(book), ...cardOutputs(model, context, book)],
});
