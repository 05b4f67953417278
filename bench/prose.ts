// Pseudo-prose for the synthetic corpus: sentences, paragraphs with links, headings, lists, quotes and code, from a vocabulary.
import type { SeededRandom } from "./random.ts";
import type { Vocabulary } from "./vocabulary.ts";

/** Lowercase ASCII words joined by hyphens ("L'été à Paris" → "l-ete-a-paris"), as slugs need. */
export function asciiSlug(text: string, maxWords = Infinity): string {
  const words = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  return words.slice(0, maxWords).join("-");
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class ProseWriter {
  constructor(
    private readonly random: SeededRandom,
    private readonly words: Vocabulary,
  ) {}

  private nounPhrase(): string {
    return this.random.pick(this.words.nounPhrases);
  }

  /** A noun phrase with an adjective, placed as the language places it ("la centrale silencieuse", "the silent power plant"). */
  private describedNounPhrase(): string {
    const noun = this.nounPhrase();
    const adjective = this.random.pick(this.words.adjectives);
    if (!this.words.adjectiveFirst) return `${noun} ${adjective}`;
    const [article, ...rest] = noun.split(" ");
    return `${article} ${adjective} ${rest.join(" ")}`;
  }

  /** An object for a verb: sometimes described, sometimes emphasised. */
  private object(): string {
    const phrase = this.random.chance(0.4) ? this.describedNounPhrase() : this.nounPhrase();
    if (this.random.chance(0.08)) return `**${phrase}**`;
    if (this.random.chance(0.12)) return `*${phrase}*`;
    return phrase;
  }

  private clause(object = this.object()): string {
    return `${this.nounPhrase()} ${this.random.pick(this.words.verbs)} ${object}`;
  }

  /** A plain statement; `object`, when given, is used as is (e.g. a Markdown link). */
  statement(object?: string): string {
    const clause = `${this.clause(object)} ${this.random.pick(this.words.complements)}`;
    return this.random.chance(0.3) ? `${this.random.pick(this.words.openers)}, ${clause}.` : `${capitalised(clause)}.`;
  }

  sentence(): string {
    const { words, random } = this;
    const space = words.highPunctuationSpace;
    const [open, close] = words.quoteMarks;
    const roll = random.next();
    if (roll < 0.55) return this.statement();
    if (roll < 0.75)
      return `${capitalised(this.clause())}, ${random.pick(words.connectors)} ${this.clause()} ${random.pick(words.complements)}.`;
    if (roll < 0.84)
      return `${random.pick(words.questions)} ${this.clause()} ${random.pick(words.complements)}${random.chance(0.5) ? space : ""}?`;
    if (roll < 0.91)
      return `${random.pick(words.listIntros)}${space}: ${this.nounPhrase()}, ${this.nounPhrase()} ${words.and} ${this.nounPhrase()}.`;
    if (roll < 0.97)
      return `${words.quoted[0]} ${open}${this.describedNounPhrase()}${close}, ${words.quoted[1]} ${this.clause()}.`;
    return `${capitalised(this.clause())}${space}!`;
  }

  /** A paragraph of three to six sentences; each link becomes the object of one of them. */
  paragraph(links: { url: string }[] = []): string {
    const sentences = Array.from({ length: this.random.int(3, 6) }, () => this.sentence());
    for (const link of links) {
      const index = this.random.int(0, sentences.length - 1);
      sentences[index] = this.statement(`[${this.describedNounPhrase()}](${link.url})`);
    }
    return sentences.join(" ");
  }

  title(): string {
    const space = this.words.highPunctuationSpace;
    return this.random.chance(0.5)
      ? `${capitalised(this.describedNounPhrase())}${space}: ${this.random.pick(this.words.complements)}`
      : `${capitalised(this.clause(this.nounPhrase()))} ${this.random.pick(this.words.complements)}`;
  }

  heading(): string {
    return capitalised(
      this.random.chance(0.5)
        ? this.describedNounPhrase()
        : `${this.nounPhrase()} ${this.random.pick(this.words.complements)}`,
    );
  }

  description(): string {
    return `${capitalised(this.clause(this.describedNounPhrase()))} ${this.random.pick(this.words.complements)}.`;
  }

  list(): string {
    const ordered = this.random.chance(0.3);
    const items = Array.from({ length: this.random.int(3, 6) }, () =>
      this.random.chance(0.5) ? this.describedNounPhrase() : this.clause(),
    );
    return items.map((item, index) => `${ordered ? `${index + 1}.` : "-"} ${capitalised(item)}`).join("\n");
  }

  blockquote(): string {
    return Array.from({ length: this.random.int(1, 2) }, () => `> ${this.sentence()}`).join("\n>\n");
  }

  codeBlock(): string {
    const lines = Array.from({ length: this.random.int(2, 5) }, () => {
      const command = this.random.pick(this.words.commands);
      return `${command} ${asciiSlug(this.nounPhrase())} --${asciiSlug(this.random.pick(this.words.adjectives))} ${this.random.int(1, 500)}`;
    });
    return ["```sh", `# ${this.heading()}`, ...lines, "```"].join("\n");
  }
}
