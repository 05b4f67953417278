// Messages for the writer: an English template written in the code (msg`…`) and its values, rendered in the writer's language by a catalogue.

/** What a message may hold: found values as text, numbers, other messages (translated too), positions and counts. */
export type MessageValue = string | number | Message | Ordinal | Plural;

/** A position counted from 1, written "2nd" in English and "2e" in French. */
export interface Ordinal {
  readonly kind: "ordinal";
  readonly position: number;
}

/** A count whose words agree with it: `one` or `other`, chosen by the plural rules of the writer's language. */
export interface Plural {
  readonly kind: "plural";
  readonly count: number;
  readonly one: Message;
  readonly other: Message;
}

/** Renders a message in one language (the catalogue does, src/core/i18n/catalogue.ts). */
export interface MessageRenderer {
  render(message: Message): string;
}

/** A message: its English template (`{0}`, `{1}`… where the values go) and its values. */
export class Message {
  constructor(
    readonly template: string,
    readonly values: readonly MessageValue[],
  ) {}

  /** The message in English (its template filled in): what tests, logs and Error messages show. */
  toString(): string {
    return ENGLISH.render(this);
  }

  toJSON(): { template: string; values: readonly MessageValue[] } {
    return { template: this.template, values: this.values };
  }
}

/**
 * A message for the writer, in English: msg`${found} is not a slug (expected ${expected})`. The template
 * ("{0} is not a slug (expected {1})") is the key of its translations in src/messages/fr.yaml.
 */
export function msg(strings: TemplateStringsArray, ...values: MessageValue[]): Message {
  return new Message(templateOf(strings), values);
}

/** The template of a tagged literal: its literal parts joined by numbered placeholders. */
export function templateOf(parts: readonly string[]): string {
  return parts.reduce((template, part, index) => (index === 0 ? part : `${template}{${index - 1}}${part}`), "");
}

export const ordinal = (position: number): Ordinal => ({ kind: "ordinal", position });

export const plural = (count: number, one: Message, other: Message): Plural => ({ kind: "plural", count, one, other });

/** Placeholders: `{0}`, and `{0:f}` where a translation wants the feminine form of an ordinal ("1re"). */
export const PLACEHOLDER = /\{(\d+)(?::(f))?\}/g;

/** Fills a template (English or translated) with its values, each value rendered by `value`. */
export function fill(
  template: string,
  values: readonly MessageValue[],
  value: (v: MessageValue, f: boolean) => string,
) {
  return template.replace(PLACEHOLDER, (whole, index: string, feminine?: string) => {
    const found = values[Number(index)];
    return found === undefined ? whole : value(found, feminine === "f");
  });
}

const englishOrdinals = new Intl.PluralRules("en", { type: "ordinal" });
const ENGLISH_SUFFIXES: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };

/** English, the language of the templates themselves. */
export const ENGLISH: MessageRenderer = {
  render(message: Message): string {
    const value = (found: MessageValue): string => {
      if (typeof found === "string" || typeof found === "number") return String(found);
      if (found instanceof Message) return ENGLISH.render(found);
      if (found.kind === "ordinal")
        return `${found.position}${ENGLISH_SUFFIXES[englishOrdinals.select(found.position)] ?? "th"}`;
      return ENGLISH.render(found.count === 1 ? found.one : found.other);
    };
    return fill(message.template, message.values, value);
  },
};

/** Marks a message carried through a zod issue's text (zod keeps only a string), to be read back by `fromIssueText`. */
const ISSUE_MARK = "\u0000tract-message:";

/** A message as zod carries it in an issue's text. */
export function issueText(message: Message): string {
  return ISSUE_MARK + JSON.stringify(message);
}

type Serialized = string | number | { template: string; values: Serialized[] } | Ordinal | PluralJson;
interface PluralJson {
  kind: "plural";
  count: number;
  one: Serialized;
  other: Serialized;
}

function revive(value: Serialized): MessageValue {
  if (typeof value !== "object") return value;
  if ("template" in value) return new Message(value.template, value.values.map(revive));
  if (value.kind === "ordinal") return value;
  return plural(value.count, revive(value.one) as Message, revive(value.other) as Message);
}

/** The message an issue's text carries, or undefined when zod (or a plain string) wrote it. */
export function fromIssueText(text: string): Message | undefined {
  if (!text.startsWith(ISSUE_MARK)) return undefined;
  return revive(JSON.parse(text.slice(ISSUE_MARK.length)) as Serialized) as Message;
}
