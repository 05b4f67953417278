// The build's pictures service: each picture's renditions and markup, their bytes made once per picture and kept by content in .cache/tract.
import type { ContentCache } from "../../core/build/cache.ts";
import type { BuildContext } from "../../core/context.ts";
import type { Strings } from "../../core/i18n/strings.ts";
import type { PictureMarkup, PictureService, Rendition, ResponsivePicture } from "../../core/media/picture-service.ts";
import type { Post } from "../../core/model/types.ts";
import type { ImageMetadata } from "@11ty/eleventy-img";
import { columnSizes, creditHtml, pictureHtml, plainImageHtml } from "./markup.ts";
import { RENDITIONS_VERSION, encodeRenditions, hasRenditions, planRenditions } from "./renditions.ts";
import type { PictureSource } from "./sources.ts";

interface Plan {
  source: PictureSource;
  picture: ResponsivePicture;
  metadata: ImageMetadata;
}

export class PictureBook implements PictureService {
  private readonly plans = new Map<string, Plan>();
  private readonly byRendition = new Map<string, Plan>();
  private readonly store: ContentCache;

  constructor(
    readonly sources: ReadonlyMap<string, PictureSource>,
    private readonly context: BuildContext,
    private readonly strings: (lang: string) => Strings,
  ) {
    this.store = context.cache.namespace("pictures", RENDITIONS_VERSION);
    for (const source of sources.values()) {
      if (!hasRenditions(source)) continue;
      const plan = { source, ...planRenditions(source) };
      this.plans.set(source.url, plan);
      for (const rendition of plan.picture.renditions) this.byRendition.set(rendition.url, plan);
    }
  }

  /**
   * What pages read of the book, for the inputs of every page (see Output.inputs): each picture and its renditions,
   * named by content. The build's context it holds is no input.
   */
  toJSON(): ResponsivePicture[] {
    return this.pictures;
  }

  /** Every picture that has renditions. */
  get pictures(): ResponsivePicture[] {
    return [...this.plans.values()].map((plan) => plan.picture);
  }

  picture(url: string): ResponsivePicture | undefined {
    return this.plans.get(url)?.picture;
  }

  html(url: string, markup: PictureMarkup): string | undefined {
    const plan = this.plans.get(url);
    if (plan) return pictureHtml(plan.metadata, markup);
    const source = this.sources.get(url);
    return source && plainImageHtml(source, markup);
  }

  /**
   * A rendition read from the cache; on a miss, every rendition of its picture is encoded at once (once per build,
   * whichever output asks first) and stored, so that a later build encodes nothing.
   */
  bytes(rendition: Rendition): Promise<Buffer> {
    const plan = this.byRendition.get(rendition.url);
    if (!plan) throw new Error(`${rendition.url} is not a rendition of a picture of assets/`);
    return this.store.remember(this.store.key(rendition.url), async () => {
      const files = await this.context.artifacts.once(`pictures:${plan.source.url}:${plan.source.digest}`, async () => {
        const made = await encodeRenditions(this.context, plan.source);
        for (const [url, data] of made) await this.store.set(this.store.key(url), data);
        return made;
      });
      const data = files.get(rendition.url);
      if (!data) throw new Error(`eleventy-img made no ${rendition.url} from ${plan.source.file}`);
      return data;
    });
  }

  lead(post: Post): string | undefined {
    const source = post.image ? this.sources.get(post.image) : undefined;
    if (!source) return undefined;
    const picture = this.html(source.url, { alt: post.imageAlt ?? "", sizes: columnSizes(source.width), eager: true });
    const credit = creditHtml(post, this.strings(post.lang));
    return `<figure class="post-image">${picture}${credit ? `<figcaption class="picture-credit" data-pagefind-ignore>${credit}</figcaption>` : ""}</figure>`;
  }
}
