// Only tract's own pages are published: a Nunjucks file elsewhere in the project never becomes a page.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, runBuild } from "../helpers/project.ts";

describe("stray templates", () => {
  it("leaves .njk files outside the site's templates out of the build", async () => {
    const root = await copyProject();
    await mkdir(path.join(root, "docs"));
    await writeFile(path.join(root, "docs/notes.njk"), "<p>{{ 1 + 1 }}</p>");
    await writeFile(path.join(root, "brouillon.njk"), "<p>brouillon</p>");
    const result = await runBuild(root, "_site");
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(root, "_site/fr/index.html"))).toBe(true);
    expect(existsSync(path.join(root, "_site/docs"))).toBe(false);
    expect(existsSync(path.join(root, "_site/brouillon/index.html"))).toBe(false);
  });
});
