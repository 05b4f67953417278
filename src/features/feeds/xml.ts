// Text that XML 1.0 can carry: the characters it forbids (most control characters, lone surrogates) are dropped, and reported.
import { msg } from "../../core/i18n/message.ts";
import type { Problem } from "../../core/content/problems.ts";

/** Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * The characters of FORBIDDEN that a well-formed string (no lone surrogate) can hold. Every entry's text is checked at
 * every build, and nearly all hold none: testing for these and `isWellFormed()` is some six times faster than
 * matching FORBIDDEN, whose `u` flag makes the engine decode every character.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const FORBIDDEN_IF_WELL_FORMED = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

function holdsForbidden(text: string): boolean {
  return !text.isWellFormed() || FORBIDDEN_IF_WELL_FORMED.test(text);
}

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

export function withoutForbiddenCharacters(text: string): string {
  return holdsForbidden(text) ? text.replace(FORBIDDEN, "") : text;
}

/** Cleans text for the feeds and warns, once per file and field, about what it had to drop. */
export class XmlSafeText {
  readonly warnings: Problem[] = [];
  private readonly reported = new Set<string>();

  clean(text: string, file: string, field: string): string {
    if (!holdsForbidden(text)) return text;
    const found = [...new Set(Array.from(text.matchAll(FORBIDDEN), ([character]) => codePoint(character)))];
    const key = `${file}\n${field}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.warnings.push({
        file,
        field,
        severity: "warning",
        message:
          found.length === 1
            ? msg`${found.join(", ")} cannot be carried by XML and was left out of the feeds (expected text without control characters)`
            : msg`${found.join(", ")} cannot be carried by XML and were left out of the feeds (expected text without control characters)`,
      });
    }
    return withoutForbiddenCharacters(text);
  }
}
