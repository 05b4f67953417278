// Topics paired across languages (_data/topics.yaml: `- { fr: énergie, en: energy }`): topic pages link to each other, translations map their tags.
import { z } from "zod";
import { readDataFile } from "../../core/content/data-files.ts";
import { type Problem, quote } from "../../core/content/problems.ts";
import { addProblem, expecting, text } from "../../core/content/schema.ts";
import { slugify } from "../../core/content/slug.ts";
import type { Content } from "../../core/content/types.ts";
import { msg } from "../../core/i18n/message.ts";
import { didYouMean } from "../../core/i18n/suggest.ts";

export const TOPICS_FILE = "_data/topics.yaml";

/** One subject, by language: the tag name posts of that language give it. */
export type Topic = Record<string, string>;

/** The topics, and each one by language and the slug of its name there. */
export class Topics {
  private readonly bySlug = new Map<string, Topic>();

  constructor(readonly list: readonly Topic[]) {
    for (const topic of list)
      for (const [lang, name] of Object.entries(topic)) this.bySlug.set(`${lang}/${slugify(name)}`, topic);
  }

  /** The topic a tag of `lang` names, if it is paired. */
  of(lang: string, tag: string): Topic | undefined {
    return this.bySlug.get(`${lang}/${slugify(tag)}`);
  }

  /** The name in `to` of a tag of `from`, or undefined when the topics do not pair it with one. */
  translate(tag: string, from: string, to: string): string | undefined {
    return this.of(from, tag)?.[to];
  }
}

function topicsSchema(languages: string[]) {
  const name = text(msg`the topic's name in that language, as posts write it in their tags`);
  return z
    .array(
      z.record(z.string(), name, {
        error: expecting(msg`one topic by language, e.g. { fr: énergie, en: energy }`, msg`a topic`),
      }),
      {
        error: expecting(msg`a list of topics, each - { fr: énergie, en: energy }`, msg`a list`),
      },
    )
    .superRefine((topics, ctx) => {
      const seen = new Map<string, number>();
      topics.forEach((topic, index) => {
        for (const [lang, tag] of Object.entries(topic)) {
          if (!languages.includes(lang))
            addProblem(
              ctx,
              msg`${quote(lang)} is not a declared language${didYouMean(lang, languages)} (expected one of ${languages.join(", ")})`,
              [index, lang],
            );
          const key = `${lang}/${slugify(tag)}`;
          const first = seen.get(key);
          if (first !== undefined)
            addProblem(ctx, msg`${quote(tag)} is already topic #${first + 1} (expected each topic once)`, [
              index,
              lang,
            ]);
          else seen.set(key, index);
        }
      });
    });
}

export async function loadTopics(root: string, languages: string[], problems: Problem[]): Promise<Topics> {
  const list = await readDataFile(root, TOPICS_FILE, topicsSchema(languages), problems, { optional: true });
  return new Topics(list ?? []);
}

/** Tags of every post that is or will be published, by language, with the first post that has each. */
function tagsInUse(
  content: Content,
): Map<string, Map<string, { name: string; file: string; line?: number | undefined }>> {
  const used = new Map(
    content.languages.map((l) => [
      l.code,
      new Map<string, { name: string; file: string; line?: number | undefined }>(),
    ]),
  );
  for (const post of content.posts.filter((p) => !p.draft))
    for (const tag of post.tags) {
      const tags = used.get(post.lang);
      if (tags && !tags.has(slugify(tag)))
        tags.set(slugify(tag), { name: tag, file: post.file, line: post.lines.tags });
    }
  return used;
}

/**
 * Warnings: a tag with no counterpart in another language (its topic pages cannot link to each other), and a
 * topic naming a tag no post of that language has, near one that posts have.
 */
export function checkTopics(content: Content, topics: Topics): Problem[] {
  if (content.languages.length < 2) return [];
  const used = tagsInUse(content);
  const problems: Problem[] = [];
  for (const [lang, tags] of used)
    for (const tag of tags.values()) {
      const topic = topics.of(lang, tag.name);
      for (const other of content.languages.filter((l) => l.code !== lang && !topic?.[l.code]))
        problems.push({
          file: tag.file,
          field: "tags",
          line: tag.line,
          message: msg`${quote(tag.name)} has no counterpart in language ${other.code}, so its topic page links to none (expected an entry in ${TOPICS_FILE}, e.g. - { ${lang}: ${tag.name}, ${other.code}: … })`,
          severity: "warning",
        });
    }
  topics.list.forEach((topic, index) => {
    for (const [lang, name] of Object.entries(topic)) {
      const tags = used.get(lang);
      // A topic may be named before any post has it; one near a tag in use is most likely that tag mistyped.
      const near =
        tags && !tags.has(slugify(name))
          ? didYouMean(
              name,
              [...tags.values()].map((t) => t.name),
            )
          : "";
      if (near)
        problems.push({
          file: TOPICS_FILE,
          field: `${index}.${lang}`,
          message: msg`${quote(name)} is the tag of no post in ${lang}${near} (expected a tag that posts use)`,
          severity: "warning",
        });
    }
  });
  return problems;
}
