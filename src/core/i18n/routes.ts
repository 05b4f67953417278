// Every core URL of one language, built from the section names in its strings file (/fr/billets/, /en/posts/, …); features add theirs by key.
import type { Strings } from "./strings.ts";
import { msg } from "./message.ts";
import { BuildError } from "../content/problems.ts";

/** The sections the core's pages live in: the list of posts, topics and the archive. */
export const CORE_PATHS = ["posts", "tags", "archive"] as const;

/** Page `pageNumber` of a list whose first page is `first`: /fr/billets/ → /fr/billets/2/. */
export function numberedPage(first: string, pageNumber: number): string {
  return pageNumber <= 1 ? first : `${first}${pageNumber}/`;
}

export class Routes {
  private readonly names: Map<string, string>;

  /** `keys`: every section of the site, the core's and the features' (`paths.<key>` in the strings file). */
  constructor(
    readonly lang: string,
    strings: Strings,
    keys: readonly string[],
  ) {
    this.names = new Map([...CORE_PATHS, ...keys].map((key) => [key, strings.t(`paths.${key}`)]));
  }

  /** The first page of each section: no post or page may take one of these URLs. */
  sectionUrls(): string[] {
    return [this.home(), ...[...this.names.keys()].map((key) => this.path(key))];
  }

  /** The first page of the section named `key` under `paths:`, e.g. /fr/agenda/. */
  path(key: string): string {
    const name = this.names.get(key);
    if (name === undefined)
      throw new BuildError(
        msg`no section "${key}" is declared (expected a key under paths: in the strings files, declared by a feature)`,
      );
    return `/${this.lang}/${name}/`;
  }

  home(): string {
    return `/${this.lang}/`;
  }

  document(slug: string): string {
    return `/${this.lang}/${slug}/`;
  }

  list(pageNumber = 1): string {
    return numberedPage(this.path("posts"), pageNumber);
  }

  tags(): string {
    return this.path("tags");
  }

  tag(slug: string, pageNumber = 1): string {
    return numberedPage(`${this.tags()}${slug}/`, pageNumber);
  }

  archive(): string {
    return this.path("archive");
  }

  /** The posts of one year: /fr/archives/2024/, then /fr/archives/2024/2/ … */
  archiveYear(year: number, pageNumber = 1): string {
    return numberedPage(`${this.archive()}${year}/`, pageNumber);
  }

  notFound(): string {
    return `/${this.lang}/404.html`;
  }
}
