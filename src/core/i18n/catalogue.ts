// The message catalogue: the writer's language chosen once, and every message of build, check, new and serve rendered in it (src/messages/<lang>.yaml).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { parse } from "yaml";
import { ENGLISH, type Message, type MessageRenderer, type MessageValue, fill } from "./message.ts";

/** Where the translations live: one YAML file per language, mapping each English template to its translation. */
export const CATALOGUE_DIR = new URL("../../messages/", import.meta.url);

/** The languages messages are written in: English (the templates) and each catalogue file. */
export function messageLanguages(): string[] {
  const files = existsSync(CATALOGUE_DIR) ? readdirSync(CATALOGUE_DIR).filter((name) => name.endsWith(".yaml")) : [];
  return ["en", ...files.map((name) => name.replace(/\.yaml$/, ""))];
}

/** The translations of one language, read from its file. */
export function readTranslations(lang: string): Map<string, string> {
  const entries = parse(readFileSync(new URL(`${lang}.yaml`, CATALOGUE_DIR), "utf8")) as Record<string, string>;
  return new Map(Object.entries(entries ?? {}));
}

/** Ordinals in French: 1er (1re with `{0:f}`), 2e, 3e… */
function frenchOrdinal(position: number, feminine: boolean): string {
  return position === 1 ? (feminine ? "1re" : "1er") : `${position}e`;
}

class Catalogue implements MessageRenderer {
  private readonly plurals: Intl.PluralRules;

  constructor(
    readonly lang: string,
    private readonly translations: Map<string, string>,
  ) {
    this.plurals = new Intl.PluralRules(lang);
  }

  render(message: Message): string {
    // A template without translation (a message added since) is shown in English rather than not at all.
    const template = this.translations.get(message.template) ?? message.template;
    return fill(template, message.values, (value, feminine) => this.value(value, feminine));
  }

  private value(value: MessageValue, feminine: boolean): string {
    if (typeof value === "string" || typeof value === "number") return String(value);
    if ("template" in value) return this.render(value);
    if (value.kind === "ordinal") return frenchOrdinal(value.position, feminine);
    return this.render(this.plurals.select(value.count) === "one" ? value.one : value.other);
  }
}

/** The renderer of `lang`'s messages: English, or a catalogue's translations (English where one is missing). */
export function messagesIn(lang: string): MessageRenderer & { lang: string } {
  if (lang === "en" || !messageLanguages().includes(lang)) return { lang: "en", render: ENGLISH.render };
  return new Catalogue(lang, readTranslations(lang));
}

/** `fr_FR.UTF-8` → `fr`; the C and POSIX locales name no language. */
function languageOfLocale(locale: string | undefined): string | undefined {
  const code = locale
    ?.trim()
    .split(/[_.@-]/)[0]
    ?.toLowerCase();
  return code && code !== "c" && code !== "posix" ? code : undefined;
}

/**
 * The writer's language: an option (`--messages en`), then TRACT_MESSAGES, then the locale (LC_ALL, LC_MESSAGES,
 * LANG), then the site's default language; the first one messages are written in, or English.
 */
export function writerLanguage(siteDefault: string | undefined, env: NodeJS.ProcessEnv, option?: string): string {
  const available = messageLanguages();
  const candidates = [option, env.TRACT_MESSAGES, env.LC_ALL, env.LC_MESSAGES, env.LANG].map(languageOfLocale);
  return [...candidates, siteDefault].find((lang) => lang && available.includes(lang)) ?? "en";
}
