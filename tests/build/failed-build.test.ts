// A failed build prints one line per problem, exits non-zero, and leaves the last good _site/ byte for byte.
import { createHash } from "node:crypto";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, runBuild } from "../helpers/project.ts";
import { listFiles } from "../helpers/site.ts";

async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const file of await listFiles(dir)) {
    entries[path.relative(dir, file)] = createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
  }
  return entries;
}

describe("a failed build", () => {
  it("exits non-zero, names each problem, and leaves the previous _site/ untouched", async () => {
    const root = await copyProject();
    const first = await runBuild(root, "_site");
    expect(first.code, first.stderr).toBe(0);
    const before = await snapshot(path.join(root, "_site"));
    expect(Object.keys(before).length).toBeGreaterThan(30);

    const post = path.join(root, "posts/fr/ia-retour-du-charbon.md");
    const source = await readFile(post, "utf8");
    await writeFile(
      post,
      source.replace("date: 2025-01-13T08:30", "date: 2025-02-31").replace("kind: post", "kind: tribune"),
    );
    await writeFile(
      path.join(root, "posts/fr/sans-titre.md"),
      "---\ndate: 2025-02-01\ndescription: Oups.\ntranslationKey: sans-titre\n---\nTexte.\n",
    );

    const failed = await runBuild(root, "_site");
    expect(failed.code).toBe(1);
    const lines = failed.stderr.trim().split("\n");
    expect(lines[0]).toBe("[tract] the build stopped: 3 problems to fix, _site was left as it was.");
    expect(lines.slice(1).sort()).toEqual([
      'posts/fr/ia-retour-du-charbon.md:3: date: "2025-02-31" is not a date (expected 2025-02-08 or 2025-02-08T13:00+01:00)',
      'posts/fr/ia-retour-du-charbon.md:4: kind: "tribune" is not a known kind (expected one of post, announcement, rebuttal, press-release)',
      "posts/fr/sans-titre.md: title: missing (expected a title)",
    ]);
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
    expect((await readdir(root)).filter((name) => name.startsWith(".tract-"))).toEqual([]);
  });

  it("also keeps the previous output when a template fails", async () => {
    const root = await copyProject();
    expect((await runBuild(root, "_site")).code).toBe(0);
    const before = await snapshot(path.join(root, "_site"));
    await writeFile(path.join(root, "_includes/views/archive.njk"), '{{ "no.such.key" | t(lang) }}');
    const failed = await runBuild(root, "_site");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('_data/strings/fr.yaml: no.such.key: missing string for language "fr"');
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
  });
});
