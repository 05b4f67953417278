// The synthetic corpus: N posts, ~70% French and ~30% English translations of them, ~1000 words each, always the same for the same N.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { SeededRandom } from "./random.ts";
import { ProseWriter, asciiSlug } from "./prose.ts";
import { ENGLISH, FRENCH } from "./vocabulary.ts";
import { slugify } from "../src/core/content/slug.ts";

export const CORPUS_SEED = 20250208;
const ENGLISH_SHARE = 0.3;
const NEWEST_DAY = Date.UTC(2025, 5, 30);
const DAY_MS = 24 * 60 * 60 * 1000;
const EXTERNAL_SITES = ["https://www.example.org", "https://example.net", "https://example.com"];

export type CorpusLanguage = "fr" | "en";

export interface CorpusPost {
  lang: CorpusLanguage;
  /** Path from the project root, e.g. `posts/fr/la-centrale-silencieuse-12.md`. */
  file: string;
  slug: string;
  /** Where tract and the baseline publish it: `/<lang>/<slug>/`. */
  url: string;
  translationKey: string;
}

export interface Corpus {
  seed: number;
  posts: CorpusPost[];
  french: number;
  english: number;
  words: number;
  bytes: number;
}

interface PlannedPost extends CorpusPost {
  title: string;
  description: string;
  /** ISO 8601 without offset, as writers type it: 2024-03-05T10:00. */
  date: string;
  kind: "post" | "announcement" | "rebuttal" | "press-release";
  tagIndexes: number[];
}

/** A few special kinds, at fixed positions so that even a small corpus has one of each. */
function kindOf(frenchIndex: number): PlannedPost["kind"] {
  if (frenchIndex % 37 === 11) return "press-release";
  if (frenchIndex % 41 === 23) return "rebuttal";
  if (frenchIndex % 53 === 5) return "announcement";
  return "post";
}

function minuteText(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16);
}

function planFrench(count: number, random: SeededRandom, writer: ProseWriter): PlannedPost[] {
  const posts: PlannedPost[] = [];
  let daysBack = 0;
  for (let index = 0; index < count; index++) {
    daysBack += random.int(0, 1);
    const title = writer.title();
    const slug = `${asciiSlug(title, 6)}-${index + 1}`;
    const time = (random.int(8, 19) * 60 + random.pick([0, 15, 30, 45])) * 60 * 1000;
    posts.push({
      lang: "fr",
      file: `posts/fr/${slug}.md`,
      slug,
      url: `/fr/${slug}/`,
      translationKey: slug,
      title,
      description: writer.description(),
      date: minuteText(NEWEST_DAY - daysBack * DAY_MS + time),
      kind: kindOf(index),
      tagIndexes: random.sample(
        FRENCH.tags.map((_, tagIndex) => tagIndex),
        random.int(1, 4),
      ),
    });
  }
  return posts;
}

/** English translations of some French posts: same translationKey, kind and tags, published a day later. */
function planEnglish(french: PlannedPost[], count: number, random: SeededRandom, writer: ProseWriter): PlannedPost[] {
  const originals = random.sample(french, count).sort((a, b) => french.indexOf(a) - french.indexOf(b));
  return originals.map((original, index) => {
    const title = writer.title();
    const slug = `${asciiSlug(title, 6)}-${index + 1}`;
    return {
      ...original,
      lang: "en",
      file: `posts/en/${slug}.md`,
      slug,
      url: `/en/${slug}/`,
      title,
      description: writer.description(),
      date: minuteText(Date.parse(`${original.date}Z`) + DAY_MS),
    };
  });
}

/** What a kind needs besides the common fields: a press release's dateline, a rebuttal's claim answered by its first section. */
function kindFields(post: PlannedPost, text: string): string[] {
  if (post.kind === "press-release") return ["dateline: Paris"];
  if (post.kind !== "rebuttal") return [];
  const heading = /^## (.+)$/m.exec(text)?.[1] ?? "";
  return [
    "claims:",
    `  - quote: ${JSON.stringify(post.description)}`,
    "    by: Les organisateurs",
    "    source: { name: Programme officiel, url: https://www.example.org/programme }",
    `    accessed: ${post.date.slice(0, 10)}`,
    `    answer: ${slugify(heading)}`,
  ];
}

function frontMatter(post: PlannedPost, text: string): string {
  const tags = post.tagIndexes.map((index) => JSON.stringify((post.lang === "fr" ? FRENCH : ENGLISH).tags[index]));
  return [
    "---",
    `title: ${JSON.stringify(post.title)}`,
    `date: ${post.date}`,
    `description: ${JSON.stringify(post.description)}`,
    `kind: ${post.kind}`,
    `translationKey: ${post.translationKey}`,
    `slug: ${post.slug}`,
    `tags: [${tags.join(", ")}]`,
    ...kindFields(post, text),
    "---",
    "",
  ].join("\n");
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** A ~1000-word body: an introduction, then sections with headings, lists, quotes, links and sometimes code. */
function body(post: PlannedPost, sameLanguage: PlannedPost[], random: SeededRandom, writer: ProseWriter): string {
  const links = () => {
    const chosen: { url: string }[] = [];
    const other = random.pick(sameLanguage);
    if (other !== post && random.chance(0.35)) chosen.push({ url: other.url });
    if (random.chance(0.2)) chosen.push({ url: `${random.pick(EXTERNAL_SITES)}/${asciiSlug(writer.heading(), 4)}` });
    return chosen;
  };
  const targetWords = random.int(880, 980);
  let codeToWrite = random.chance(0.2);
  const blocks = [writer.paragraph(links()), writer.paragraph(links())];
  let words = wordCount(blocks.join("\n"));
  while (words < targetWords) {
    const section = [`## ${writer.heading()}`];
    for (let count = random.int(1, 3); count > 0; count--) section.push(writer.paragraph(links()));
    if (random.chance(0.4)) section.push(writer.list());
    if (random.chance(0.25)) section.push(writer.blockquote());
    if (codeToWrite) section.push(writer.codeBlock());
    codeToWrite = false;
    section.push(writer.paragraph(links()));
    blocks.push(...section);
    words += wordCount(section.join("\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}

/** Writes the corpus for `total` posts into `root`/posts/{fr,en}/ and describes it. */
export async function writeCorpus(root: string, total: number): Promise<Corpus> {
  const random = new SeededRandom(CORPUS_SEED);
  const writers = { fr: new ProseWriter(random, FRENCH), en: new ProseWriter(random, ENGLISH) };
  const englishCount = Math.floor(total * ENGLISH_SHARE);
  const french = planFrench(total - englishCount, random, writers.fr);
  const english = planEnglish(french, englishCount, random, writers.en);
  let words = 0;
  let bytes = 0;
  for (const lang of ["fr", "en"] as const) await mkdir(path.join(root, "posts", lang), { recursive: true });
  for (const posts of [french, english]) {
    for (const post of posts) {
      const text = body(post, posts, random, writers[post.lang]);
      const source = frontMatter(post, text) + "\n" + text;
      words += wordCount(text);
      bytes += Buffer.byteLength(source);
      await writeFile(path.join(root, post.file), source);
    }
  }
  const posts = [...french, ...english].map(({ lang, file, slug, url, translationKey }) => ({
    lang,
    file,
    slug,
    url,
    translationKey,
  }));
  return { seed: CORPUS_SEED, posts, french: french.length, english: english.length, words, bytes };
}
