// The translation table: for each piece (post, page, a feature's item) and language, whether it is there, missing, older than its source or still its source's words, and what to do.
import type { Language } from "../content/schema.ts";
import type { PageSource, PostSource } from "../content/types.ts";
import type { Problem } from "../content/problems.ts";
import { type Message, msg } from "../i18n/message.ts";
import { nearest } from "../i18n/suggest.ts";

/**
 * source: the version others are translated from; present; outdated: changed before its source; same: its
 * title or description is still the source's; missing; draft: not published yet.
 */
export type TranslationState = "source" | "present" | "outdated" | "same" | "missing" | "draft";

export interface TranslationCell {
  state: TranslationState;
  file?: string | undefined;
  /** What to do about this language's version, when something is to do. */
  fix?: Message | undefined;
}

export interface TranslationRow {
  /** What the piece is, e.g. post, page, event. */
  kind: string;
  /** Its translationKey, or the id of a feature's item. */
  key: string;
  cells: Record<string, TranslationCell>;
}

/** Texts compared as written, whatever the typography each language gives them (spaces, apostrophes). */
const sameText = (a: string, b: string) => {
  const plain = (text: string) =>
    text
      .replace(/[\s\u00A0\u202F]+/g, " ")
      .replace(/’/g, "'")
      .trim()
      .toLowerCase();
  return plain(a) === plain(b);
};

type Version = (PostSource | PageSource) & { date?: PostSource["date"]; draft?: boolean };

const lastChange = (version: Version) => (version.updated ?? version.date)?.toMillis() ?? 0;

/** The source of a piece is its version in the default language, or else its oldest version. */
function sourceOf(versions: Version[], defaultLanguage: string | undefined): Version {
  return (
    versions.find((v) => v.lang === defaultLanguage) ?? [...versions].sort((a, b) => lastChange(a) - lastChange(b))[0]!
  );
}

function cell(version: Version | undefined, source: Version, kind: "post" | "page", lang: string): TranslationCell {
  if (!version)
    return {
      state: "missing",
      fix:
        kind === "post"
          ? msg`npm run new -- --translate ${source.file} --lang ${lang}`
          : msg`write pages/${lang}/….md with translationKey: ${source.translationKey}`,
    };
  const file = version.file;
  if (version.draft) return { state: "draft", file, fix: msg`remove draft: true from ${file} when it is ready` };
  if (version === source) return { state: "source", file };
  if (sameText(version.title, source.title) || sameText(version.description, source.description))
    return { state: "same", file, fix: msg`translate the title and description of ${file}` };
  if (lastChange(version) < lastChange(source))
    return { state: "outdated", file, fix: msg`bring ${file} up to date with ${source.file}, then set its updated:` };
  return { state: "present", file };
}

function rows(kind: "post" | "page", documents: Version[], languages: Language[]): TranslationRow[] {
  const byKey = new Map<string, Version[]>();
  for (const document of documents)
    byKey.set(document.translationKey, [...(byKey.get(document.translationKey) ?? []), document]);
  return [...byKey.entries()].map(([key, versions]) => {
    const source = sourceOf(versions, languages[0]?.code);
    const cells = Object.fromEntries(
      languages.map((language) => [
        language.code,
        cell(
          versions.find((v) => v.lang === language.code),
          source,
          kind,
          language.code,
        ),
      ]),
    );
    return { kind, key, cells };
  });
}

/** The table's rows for posts and pages, by kind then key. */
export function translationTable(posts: PostSource[], pages: PageSource[], languages: Language[]): TranslationRow[] {
  return [...rows("post", posts, languages), ...rows("page", pages, languages)];
}

export function sortRows(table: TranslationRow[]): TranslationRow[] {
  return [...table].sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
}

/** What the build warns about: translations older than their source, or still in their source's words. */
export function translationWarnings(table: TranslationRow[], documents: (PostSource | PageSource)[]): Problem[] {
  const lines = new Map(documents.map((document) => [document.file, document.lines]));
  return table.flatMap((row) =>
    Object.values(row.cells).flatMap((cell): Problem[] => {
      if (!cell.file || (cell.state !== "outdated" && cell.state !== "same")) return [];
      const fields = lines.get(cell.file) ?? {};
      return [
        cell.state === "same"
          ? {
              file: cell.file,
              field: "title",
              line: fields.title,
              message: msg`is still the text of its source, untranslated (expected ${cell.fix ?? ""})`,
              severity: "warning",
            }
          : {
              file: cell.file,
              field: "updated",
              line: fields.updated ?? fields.date,
              message: msg`this translation was last changed before its source (expected to ${cell.fix ?? ""})`,
              severity: "warning",
            },
      ];
    }),
  );
}

/**
 * A translationKey that pairs its document with nothing, where another piece lacks exactly that language and has
 * a near key or the same file name: most likely a typo.
 */
export function translationKeyHints(
  table: TranslationRow[],
  documents: (PostSource | PageSource)[],
  defaultLanguage: string | undefined,
): Problem[] {
  const byFile = new Map(documents.map((document) => [document.file, document]));
  const name = (file: string) => file.split("/").at(-1);
  // Rows by a language they lack: the only ones a translation without partner can have been meant for.
  const lacking = new Map<string, TranslationRow[]>();
  for (const row of table)
    for (const [lang, c] of Object.entries(row.cells))
      if (c.state === "missing") lacking.set(lang, [...(lacking.get(lang) ?? []), row]);
  return table.flatMap((row) =>
    Object.entries(row.cells).flatMap(([lang, own]): Problem[] => {
      const document = own.file ? byFile.get(own.file) : undefined;
      // The hint goes on the translation: the default language's version is the one others pair with.
      if (!document || lang === defaultLanguage || !Object.values(row.cells).some((c) => c.state === "missing"))
        return [];
      const partners = (lacking.get(lang) ?? []).filter(
        (other) =>
          other !== row &&
          other.kind === row.kind &&
          Object.entries(other.cells).some(([code, c]) => c.file && row.cells[code]?.state === "missing"),
      );
      const near = nearest(
        row.key,
        partners.map((partner) => partner.key),
      );
      const sameName = partners.find((partner) =>
        Object.values(partner.cells).some((c) => c.file && name(c.file) === name(document.file)),
      );
      const partner = partners.find((p) => p.key === near) ?? sameName;
      if (!partner) return [];
      const files = Object.values(partner.cells).flatMap((c) => (c.file ? [c.file] : []));
      return [
        {
          file: document.file,
          field: "translationKey",
          line: document.lines.translationKey,
          message:
            row.kind === "post"
              ? msg`${JSON.stringify(row.key)} pairs this post with no other language (did you mean ${partner.key}, the translationKey of ${files.join(", ")}?)`
              : msg`${JSON.stringify(row.key)} pairs this page with no other language (did you mean ${partner.key}, the translationKey of ${files.join(", ")}?)`,
          severity: "warning",
        },
      ];
    }),
  );
}
