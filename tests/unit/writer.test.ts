// The writer's failures: a folder it cannot make is named in the build's error (a file it cannot write: the full-disk test).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeOutputs } from "../../src/core/output/writer.ts";
import { tempDir } from "../helpers/project.ts";

describe("the writer", () => {
  it("names the folder it cannot make", async () => {
    const dir = await tempDir();
    // A file where the page's folder should be: the folder cannot be made.
    await writeFile(path.join(dir, "fr"), "in the way");
    const page = { url: "/fr/", type: "text/html", origin: { feature: "pages" }, produce: () => "<p>accueil</p>" };
    await expect(writeOutputs([page], dir)).rejects.toThrow(
      `the folder ${path.join(dir, "fr")} could not be made: EEXIST`,
    );
  });
});
