// Topics the same across languages when nothing pairs them: the topic of the same slug in each language (/fr/sujets/surveillance/ ↔ /en/topics/surveillance/).
import type { Alternate, Edition, TagRef } from "./types.ts";

/** The topic `tag` of `edition` in every language that has its pair, as first pages of those topics (itself included). */
export function sameSlugTopics(editions: readonly Edition[], edition: Edition, tag: TagRef): Alternate[] {
  return editions.flatMap((other): Alternate[] => {
    if (other === edition) return [{ lang: edition.language.code, url: tag.url }];
    const pair = other.tags.find((candidate) => candidate.slug === tag.slug);
    return pair ? [{ lang: other.language.code, url: pair.url }] : [];
  });
}
