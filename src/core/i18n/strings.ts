// UI strings of one language, looked up by dotted key; a missing key is an error naming the key and the language.
import type { StringsTree } from "../content/schema.ts";
import { BuildError } from "../content/problems.ts";
import { msg } from "./message.ts";

export class MissingStringError extends BuildError {
  constructor(key: string, lang: string) {
    super(
      msg`_data/strings/${lang}.yaml: ${key}: missing string for language "${lang}" (expected a text under this key)`,
    );
    this.name = "MissingStringError";
  }
}

export function flattenStrings(tree: StringsTree, prefix = "", into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") into.set(path, value);
    else flattenStrings(value, path, into);
  }
  return into;
}

export class Strings {
  constructor(
    readonly lang: string,
    private readonly entries: Map<string, string>,
  ) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The text for `key`, with `{name}` placeholders filled from `values`. */
  t(key: string, values: Record<string, string | number> = {}): string {
    const text = this.entries.get(key);
    if (text === undefined) throw new MissingStringError(key, this.lang);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  }
}
