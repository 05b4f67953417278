// Test helpers: every message template of the code (msg`…`), found by TypeScript's own parser, with where it is written.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { templateOf } from "../../src/core/i18n/message.ts";
import { PROJECT_ROOT } from "./project.ts";

export interface FoundTemplate {
  template: string;
  /** `src/core/…ts:12`. */
  where: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The templates of every msg`…` under src/ (and of eleventy.config.ts). */
export function messageTemplates(): FoundTemplate[] {
  const found: FoundTemplate[] = [];
  for (const file of [...sourceFiles(path.join(PROJECT_ROOT, "src")), path.join(PROJECT_ROOT, "eleventy.config.ts")]) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === "msg") {
        const literal = node.template;
        const parts = ts.isNoSubstitutionTemplateLiteral(literal)
          ? [literal.text]
          : [literal.head.text, ...literal.templateSpans.map((span) => span.literal.text)];
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({ template: templateOf(parts), where: `${path.relative(PROJECT_ROOT, file)}:${line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
