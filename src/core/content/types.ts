// The validated content a build starts from: settings, languages, strings, posts, pages and each feature's data.
import type { DateTime } from "luxon";
import type { Strings } from "../i18n/strings.ts";
import type { Markdown } from "../markdown/render.ts";
import type { MarkdownReference } from "./references.ts";
import type { WithFields } from "../slots.ts";
import type { Problem } from "./problems.ts";
import type { Language, SiteConfig } from "./schema.ts";

/** A validated Markdown file: its front matter, where it lives, and its body rendered to HTML. */
export interface SourceDocument extends WithFields {
  /** Path from the project root, with forward slashes, e.g. `posts/fr/charbon.md`. */
  file: string;
  lang: string;
  slug: string;
  /** The title typeset for its language. */
  title: string;
  description: string;
  translationKey: string;
  updated?: DateTime | undefined;
  html: string;
  /** Line numbers of front matter fields, for tools that point at them. */
  lines: Record<string, number>;
  body: string;
  bodyLine: number;
  /** The body's links and images, with their lines: the build and npm run check check where they lead. */
  references: MarkdownReference[];
}

export interface PostSource extends SourceDocument {
  date: DateTime;
  tags: string[];
  /** `post`, or a kind a feature declares (announcement, rebuttal, press-release…). */
  kind: string;
  draft: boolean;
  /** Kept out of every output of the build until this moment. */
  embargo?: DateTime | undefined;
  author?: string | undefined;
  image?: string | undefined;
  imageAlt?: string | undefined;
  /** Who made the image, as they must be credited, and its licence. */
  imageCredit?: string | undefined;
  imageLicence?: { name: string; url?: string | undefined } | undefined;
}

export type PageSource = SourceDocument;

export interface Content {
  root: string;
  site: SiteConfig;
  languages: Language[];
  strings: Map<string, Strings>;
  /** Each language's Markdown renderer: the one every text of that language goes through. */
  markdown: Map<string, Markdown>;
  posts: PostSource[];
  pages: PageSource[];
  /** Each feature's data (its own data files, validated), by feature name. */
  data: Map<string, unknown>;
  problems: Problem[];
}
