// Every URL of one language, built from the section names in its strings file (/fr/billets/, /en/posts/, …).
import type { Strings } from "./strings.ts";

export const SECTION_KEYS = ["posts", "tags", "archive"] as const;
export type Section = (typeof SECTION_KEYS)[number];

export class Routes {
  private readonly sections: Record<Section, string>;

  constructor(
    readonly lang: string,
    strings: Strings,
  ) {
    this.sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, strings.t(`paths.${key}`)])) as Record<Section, string>;
  }

  home(): string {
    return `/${this.lang}/`;
  }

  document(slug: string): string {
    return `/${this.lang}/${slug}/`;
  }

  list(pageNumber = 1): string {
    return pageNumber <= 1 ? `/${this.lang}/${this.sections.posts}/` : `/${this.lang}/${this.sections.posts}/${pageNumber}/`;
  }

  tags(): string {
    return `/${this.lang}/${this.sections.tags}/`;
  }

  tag(slug: string): string {
    return `${this.tags()}${slug}/`;
  }

  archive(): string {
    return `/${this.lang}/${this.sections.archive}/`;
  }

  notFound(): string {
    return `/${this.lang}/404.html`;
  }
}
