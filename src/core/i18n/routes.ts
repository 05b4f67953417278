// Every URL of one language, built from the section names in its strings file (/fr/billets/, /en/posts/, …).
import type { Strings } from "./strings.ts";
import { slugify } from "../content/slug.ts";

export const SECTION_KEYS = ["posts", "tags", "archive", "press", "events", "rebuttals", "subscribe"] as const;
export type Section = (typeof SECTION_KEYS)[number];

export class Routes {
  private readonly sections: Record<Section, string>;
  /** The press kit's file name in this language, e.g. dossier-de-presse. */
  private readonly pressKitName: string;

  constructor(
    readonly lang: string,
    strings: Strings,
  ) {
    this.sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, strings.t(`paths.${key}`)])) as Record<Section, string>;
    this.pressKitName = slugify(strings.t("press.kitFile"));
  }

  /** The first page of each section: no post or page may take one of these URLs. */
  sectionUrls(): string[] {
    return [this.home(), ...SECTION_KEYS.map((key) => this.section(key))];
  }

  section(key: Section): string {
    return `/${this.lang}/${this.sections[key]}/`;
  }

  home(): string {
    return `/${this.lang}/`;
  }

  document(slug: string): string {
    return `/${this.lang}/${slug}/`;
  }

  list(pageNumber = 1): string {
    return pageNumber <= 1 ? this.section("posts") : `${this.section("posts")}${pageNumber}/`;
  }

  tags(): string {
    return this.section("tags");
  }

  tag(slug: string): string {
    return `${this.tags()}${slug}/`;
  }

  archive(): string {
    return this.section("archive");
  }

  notFound(): string {
    return `/${this.lang}/404.html`;
  }

  /** The press room. */
  press(): string {
    return this.section("press");
  }

  /** The PDF of a document (a press release), beside its page. */
  documentPdf(slug: string): string {
    return `${this.document(slug)}${slug}.pdf`;
  }

  /** The press kit, one ZIP per language. */
  pressKit(): string {
    return `${this.press()}${this.pressKitName}.zip`;
  }

  /** A press contact's card (vCard), or every contact's card in one file when no slug is given. */
  pressCard(slug?: string): string {
    return slug ? `${this.press()}contacts/${slug}.vcf` : `${this.press()}contacts.vcf`;
  }

  /** The agenda: upcoming and past events. */
  events(): string {
    return this.section("events");
  }

  event(slug: string): string {
    return `${this.events()}${slug}/`;
  }

  /** An event's files: its calendar, one calendar per session, and its programme for conference apps. */
  eventFiles(slug: string) {
    const page = this.event(slug);
    return { calendar: `${page}${slug}.ics`, session: (id: string) => `${page}sessions/${id}.ics`, schedule: `${page}schedule.json` };
  }

  /** The index of rebuttals. */
  rebuttals(): string {
    return this.section("rebuttals");
  }

  /** The page that explains feeds and lists them. */
  subscribe(): string {
    return this.section("subscribe");
  }

  /** The language's feeds: all posts as Atom, RSS 2.0 and JSON Feed, press releases, one topic. */
  feeds() {
    return {
      /** The XSL stylesheet that shows the XML feeds as a page in a browser. */
      stylesheet: `/${this.lang}/feed.xsl`,
      atom: `/${this.lang}/feed.xml`,
      rss: `/${this.lang}/rss.xml`,
      json: `/${this.lang}/feed.json`,
      press: `${this.press()}feed.xml`,
      tag: (slug: string) => `${this.tag(slug)}feed.xml`,
    };
  }
}
