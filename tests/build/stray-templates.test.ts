// A page or template dropped where tract does not read it is refused with where it belongs, never silently left out; notes elsewhere stay out of the site.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { copyProject, runBuild } from "../helpers/project.ts";

describe("pages and templates in the wrong place", () => {
  it("are refused, each with the place it belongs in, and nothing is published", async () => {
    const root = await copyProject();
    await writeFile(path.join(root, "contact.md"), "---\ntitle: Contact\n---\nÉcrivez-nous.\n");
    await writeFile(path.join(root, "brouillon.njk"), "<p>brouillon</p>");
    await writeFile(path.join(root, "pages/fr/agenda.njk"), "<p>{{ 1 + 1 }}</p>");
    await mkdir(path.join(root, "notes"));
    await writeFile(path.join(root, "notes/idees.njk"), "<p>idées</p>");
    const result = await runBuild(root, "_site");
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n").slice(1).sort()).toEqual([
      'brouillon.njk: is a template at the project\'s root, which the build does not read (expected a page in pages/<language>/ as a Markdown file, e.g. pages/fr/contact.md (see README, "Writing a post"), or a template in _includes/views/)',
      'contact.md: is a page at the project\'s root, which the build does not read (expected it in pages/<language>/ as a Markdown file, e.g. pages/fr/contact.md (see README, "Writing a post"))',
      'notes/idees.njk: is a template outside _includes/, which the build does not read (expected a page in pages/<language>/ as a Markdown file, e.g. pages/fr/contact.md (see README, "Writing a post"), or a template in _includes/views/)',
      "pages/fr/agenda.njk: is not read: pages/ holds Markdown files ending in .md (expected pages/fr/agenda.md written in Markdown, or the file moved to assets/ if it is a picture or a download)",
    ]);
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });

  it("leaves a README and notes without front matter, and templates in docs/, out of the site without a word", async () => {
    const root = await copyProject();
    await writeFile(path.join(root, "NOTES.md"), "# Idées\n\nÀ trier.\n");
    await mkdir(path.join(root, "docs"), { recursive: true });
    await writeFile(path.join(root, "docs/notes.njk"), "<p>{{ 1 + 1 }}</p>");
    const result = await runBuild(root, "_site");
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(root, "_site/fr/index.html"))).toBe(true);
    expect(existsSync(path.join(root, "_site/docs"))).toBe(false);
    expect(existsSync(path.join(root, "_site/NOTES/index.html"))).toBe(false);
  });
});

describe("Eleventy run without tract's configuration", () => {
  it("writes nothing: no draft, no README, no page of any kind", async () => {
    const root = await copyProject();
    await writeFile(path.join(root, "README.md"), "# Le projet\n");
    // `npx @11ty/eleventy`, as someone used to Eleventy would try it: no --config, so eleventy.config.ts is not read.
    const { stdout } = await promisify(execFile)(process.execPath, ["node_modules/@11ty/eleventy/cmd.cjs"], {
      cwd: root,
    });
    expect(stdout).toMatch(/Wrote 0 files/);
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });
});
