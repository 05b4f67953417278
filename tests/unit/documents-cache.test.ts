// Documents kept between builds never keep a problem: a file with one is told at every build, and a kept document's picture is looked for at every build.
import { copyFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/core/content/problems.ts";
import { fixtureProject, modelFor, postSource } from "../helpers/fixture.ts";

/** The error lines a production build of the project would print, and how many documents its cache now keeps. */
async function read(root: string): Promise<{ errors: string[]; kept: number }> {
  const { problems } = await modelFor(root);
  const entries = await readdir(path.join(root, ".cache/tract"), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return {
    errors: problems.filter((problem) => problem.severity === "error").map((problem) => formatProblem(problem)),
    kept: entries.filter((entry) => entry.isFile() && entry.parentPath.includes(`${path.sep}documents`)).length,
  };
}

describe("documents kept in the cache", () => {
  it("tell a writer's mistake at every build, while the good ones are kept", async () => {
    const root = await fixtureProject({
      "posts/fr/bon.md": postSource({ translationKey: "bon", title: '"Un bon billet"' }),
      "posts/fr/oups.md": postSource({ translationKey: "oups", tags: "énergie, charbon # oups" }),
    });
    const first = await read(root);
    expect(first.errors).toEqual([expect.stringMatching(/^posts\/fr\/oups\.md:\d+: .*tags/)]);
    expect(first.kept).toBe(1);
    const second = await read(root);
    expect(second.errors).toEqual(first.errors);
    expect(second.kept).toBe(1);
  });

  it("look for a kept document's picture at every build", async () => {
    const photo = "assets/img/photo-du-billet.jpg";
    const root = await fixtureProject({
      "posts/fr/photo.md": postSource({ translationKey: "photo", image: `/${photo}`, imageAlt: '"Une centrale"' }),
    });
    await copyFile(path.join(root, "assets/press/photos/centre-de-donnees.jpg"), path.join(root, photo));
    const first = await read(root);
    expect(first.errors).toEqual([]);
    expect(first.kept).toBe(1);
    await rm(path.join(root, photo));
    const second = await read(root);
    expect(second.errors).toEqual([expect.stringMatching(/^posts\/fr\/photo\.md:\d+: image: .*photo-du-billet\.jpg/)]);
  });
});
