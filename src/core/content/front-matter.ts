// Splits a Markdown file into YAML front matter and body, keeping dates as written and field line numbers.
import { type Document, LineCounter, parseDocument, isMap, isScalar, visit } from "yaml";
import { type Message, msg } from "../i18n/message.ts";

export interface ParsedSource {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of each top-level front matter key. */
  lines: Record<string, number>;
  /** Top-level keys whose whole value is a comment (`tags: #eau #climat`: `#` starts a comment), with that comment. */
  commentedOut?: Record<string, string>;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** Set when the front matter is not valid YAML or not a mapping. */
  syntaxError?: { line: number; message: Message };
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/**
 * YAML's core schema keeps `2025-02-08` a string (the YAML 1.1 timestamp type would turn it
 * into a UTC Date and lose "no offset means Europe/Paris") and reads only true/false as booleans.
 */
export function parseYaml(
  text: string,
  lineOffset = 0,
  shape: "mapping" | "any" = "mapping",
): Omit<ParsedSource, "body" | "bodyLine"> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: "core", lineCounter, prettyErrors: false, uniqueKeys: true });
  const [firstError] = doc.errors;
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line + lineOffset;
    const message = firstError.message.split("\n")[0] ?? "invalid YAML";
    const hint =
      firstError.code === "BLOCK_AS_IMPLICIT_KEY" || /mappings are not allowed/.test(message)
        ? msg` (a text holding ": " must be put in quotes)`
        : firstError.code === "RESOURCE_EXHAUSTION"
          ? msg` (lists and mappings are nested too deeply: expected fewer inside one another)`
          : "";
    return { data: {}, lines: {}, syntaxError: { line, message: msg`${message}${hint}` } };
  }
  const contents = doc.contents;
  if (shape === "mapping" && contents !== null && !isMap(contents)) {
    return {
      data: {},
      lines: {},
      syntaxError: { line: 1 + lineOffset, message: msg`expected a list of \`field: value\` lines` },
    };
  }
  const lines: Record<string, number> = {};
  const commentedOut: Record<string, string> = {};
  for (const pair of isMap(contents) ? contents.items : []) {
    if (isScalar(pair.key) && pair.key.range) {
      lines[String(pair.key.value)] = lineCounter.linePos(pair.key.range[0]).line + lineOffset;
      if (isScalar(pair.value) && pair.value.value === null && pair.value.comment)
        commentedOut[String(pair.key.value)] = `#${pair.value.comment}`;
    }
  }
  const aliases = checkAliases(doc, (offset) => lineCounter.linePos(offset).line + lineOffset);
  if ("line" in aliases) return { data: {}, lines: {}, syntaxError: aliases };
  try {
    const data = (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
    return { data, lines, commentedOut };
  } catch {
    // The yaml package stops aliases of aliases that grow exponentially (a "billion laughs") before they fill the memory.
    const message = msg`its aliases (*${aliases.first?.name ?? ""}…) repeat more than ${MAX_ALIAS_COUNT} values (${ALIAS_FIX})`;
    return { data: {}, lines: {}, syntaxError: { line: aliases.first?.line ?? 1 + lineOffset, message } };
  }
}

/** YAML anchors and aliases (&name, *name) may repeat a value a few times; more is an attack on the build's memory. */
const MAX_ALIAS_COUNT = 100;
const ALIAS_FIX = msg`expected each value written out, or a few *aliases of small &anchors`;

/** Refuses an alias without anchor, or inside its own anchor (a value without end); otherwise gives the first alias. */
function checkAliases(
  doc: Document,
  lineOf: (offset: number) => number,
): { line: number; message: Message } | { first?: { name: string; line: number } } {
  let problem: { line: number; message: Message } | undefined;
  let first: { name: string; line: number } | undefined;
  visit(doc, {
    Alias(_, alias, path) {
      const line = lineOf(alias.range?.[0] ?? 0);
      const anchor = alias.resolve(doc);
      if (!anchor)
        problem = {
          line,
          message: msg`the alias *${alias.source} has no anchor &${alias.source} before it (${ALIAS_FIX})`,
        };
      else if (path.includes(anchor))
        problem = {
          line,
          message: msg`the alias *${alias.source} is inside its own anchor &${alias.source}, a value without end (${ALIAS_FIX})`,
        };
      first ??= { name: alias.source, line };
      return problem ? visit.BREAK : undefined;
    },
  });
  return problem ?? { first };
}

export function parseSource(source: string): ParsedSource {
  const text = source.replace(/^\uFEFF/, "");
  const match = FENCE.exec(text);
  if (!match) {
    return {
      data: {},
      body: text,
      lines: {},
      bodyLine: 1,
      syntaxError: {
        line: 1,
        message: msg`no front matter (expected the file to start with a line \`---\`, the fields, then \`---\`)`,
      },
    };
  }
  // A copy, not a slice: V8 keeps a sliced string's whole parent alive, so every title and date read from
  // the front matter would otherwise hold the entire file in memory for the rest of the build.
  const yamlText = Buffer.from(match[1] ?? "", "utf8").toString("utf8");
  const parsed = parseYaml(yamlText, 1);
  const bodyLine = match[0].split("\n").length + (match[0].endsWith("\n") ? 0 : 1);
  return { ...parsed, body: text.slice(match[0].length), bodyLine };
}
