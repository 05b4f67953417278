// Splits a Markdown file into YAML front matter and body, keeping dates as written and field line numbers.
import { LineCounter, parseDocument, isMap, isScalar } from "yaml";

export interface ParsedSource {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of each top-level front matter key. */
  lines: Record<string, number>;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** Set when the front matter is not valid YAML or not a mapping. */
  syntaxError?: { line: number; message: string };
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/**
 * YAML's core schema keeps `2025-02-08` a string (the YAML 1.1 timestamp type would turn it
 * into a UTC Date and lose "no offset means Europe/Paris") and reads only true/false as booleans.
 */
export function parseYaml(text: string, lineOffset = 0, shape: "mapping" | "any" = "mapping"): Omit<ParsedSource, "body" | "bodyLine"> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: "core", lineCounter, prettyErrors: false, uniqueKeys: true });
  const [firstError] = doc.errors;
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line + lineOffset;
    const message = firstError.message.split("\n")[0] ?? "invalid YAML";
    const hint = firstError.code === "BLOCK_AS_IMPLICIT_KEY" || /mappings are not allowed/.test(message) ? " (a text holding \": \" must be put in quotes)" : "";
    return { data: {}, lines: {}, syntaxError: { line, message: message + hint } };
  }
  const contents = doc.contents;
  if (shape === "mapping" && contents !== null && !isMap(contents)) {
    return { data: {}, lines: {}, syntaxError: { line: 1 + lineOffset, message: "expected a list of `field: value` lines" } };
  }
  const lines: Record<string, number> = {};
  for (const pair of isMap(contents) ? contents.items : []) {
    if (isScalar(pair.key) && pair.key.range) {
      lines[String(pair.key.value)] = lineCounter.linePos(pair.key.range[0]).line + lineOffset;
    }
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  return { data, lines };
}

export function parseSource(source: string): ParsedSource {
  const text = source.replace(/^\uFEFF/, "");
  const match = FENCE.exec(text);
  if (!match) {
    return { data: {}, body: text, lines: {}, bodyLine: 1, syntaxError: { line: 1, message: "no front matter (expected the file to start with a line `---`, the fields, then `---`)" } };
  }
  // A copy, not a slice: V8 keeps a sliced string's whole parent alive, so every title and date read from
  // the front matter would otherwise hold the entire file in memory for the rest of the build.
  const yamlText = Buffer.from(match[1] ?? "", "utf8").toString("utf8");
  const parsed = parseYaml(yamlText, 1);
  const bodyLine = match[0].split("\n").length + (match[0].endsWith("\n") ? 0 : 1);
  return { ...parsed, body: text.slice(match[0].length), bodyLine };
}
