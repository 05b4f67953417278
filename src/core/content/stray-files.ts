// Pages and templates dropped where tract does not read them: each is reported with where it belongs, never silently left out.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Problem } from "./problems.ts";
import { type Message, msg } from "../i18n/message.ts";

/** What Eleventy would render as a page, and tract reads only from its own places. */
const TEMPLATE_FILE = /\.(njk|liquid|html?|11ty\.js|webc|hbs|mustache|ejs|pug)$/i;
const MARKDOWN_FILE = /\.(md|markdown|mdx)$/i;

/** Folders a page is never looked for in: installed packages, tools and what builds write. */
const NOT_SOURCES = new Set([
  "node_modules",
  "_includes",
  "_data",
  "assets",
  "src",
  "tests",
  "bench",
  "deploy",
  "docs",
]);

const PAGE_PLACE = msg`pages/<language>/ as a Markdown file, e.g. pages/fr/contact.md (see README, "Writing a post")`;

async function startsWithFrontMatter(file: string): Promise<boolean> {
  return (await readFile(file, "utf8").catch(() => "")).replace(/^\uFEFF/, "").startsWith("---");
}

/** A problem for each page or template placed where the build would not read it (outputs are links or hold no template: never reported). */
export async function strayFiles(root: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const refuse = (file: string, message: Message) => problems.push({ file, message, severity: "error" });
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = entry.name;
    if (MARKDOWN_FILE.test(file) && (await startsWithFrontMatter(path.join(root, file))))
      refuse(file, msg`is a page at the project's root, which the build does not read (expected it in ${PAGE_PLACE})`);
    else if (TEMPLATE_FILE.test(file))
      refuse(
        file,
        msg`is a template at the project's root, which the build does not read (expected a page in ${PAGE_PLACE}, or a template in _includes/views/)`,
      );
  }
  for (const folder of ["posts", "pages"]) {
    const absolute = path.join(root, folder);
    if (!existsSync(absolute)) continue;
    for (const entry of await readdir(absolute, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name.startsWith(".") || entry.name.endsWith(".md")) continue;
      const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      refuse(
        file,
        msg`is not read: ${folder}/ holds Markdown files ending in .md (expected ${file.replace(/\.[^./]+$/, ".md")} written in Markdown, or the file moved to assets/ if it is a picture or a download)`,
      );
    }
  }
  // Templates anywhere else (a Nunjucks page dropped in a folder of its own) would be ignored by Eleventy's configuration.
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (
      !entry.isDirectory() ||
      entry.name.startsWith(".") ||
      NOT_SOURCES.has(entry.name) ||
      ["posts", "pages"].includes(entry.name)
    )
      continue;
    for (const inner of await readdir(path.join(root, entry.name), { recursive: true, withFileTypes: true })) {
      if (!inner.isFile() || !/\.(njk|liquid)$/i.test(inner.name)) continue;
      const file = path.relative(root, path.join(inner.parentPath, inner.name)).split(path.sep).join("/");
      refuse(
        file,
        msg`is a template outside _includes/, which the build does not read (expected a page in ${PAGE_PLACE}, or a template in _includes/views/)`,
      );
    }
  }
  return problems;
}
