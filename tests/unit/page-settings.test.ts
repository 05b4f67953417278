// The settings of how many posts a page shows: whole numbers within bounds that keep pages under the weight budget, or a message naming file and field.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorLines } from "../helpers/fixture.ts";
import { PROJECT_ROOT } from "../helpers/project.ts";

const sample = await readFile(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8");
const withSettings = (posts: string, archive: string) =>
  sample
    .replace(/^postsPerPage: .*$/m, `postsPerPage: ${posts}`)
    .replace(/^archivePerPage: .*$/m, `archivePerPage: ${archive}`);

describe("posts per page", () => {
  it("accepts the bounds themselves", async () => {
    expect(await errorLines({ "_data/site.yaml": withSettings("50", "250") })).toEqual([]);
    expect(await errorLines({ "_data/site.yaml": withSettings("1", "1") })).toEqual([]);
  });

  it("refuses none, too many, and what is not a whole number, naming the file and the field", async () => {
    expect(await errorLines({ "_data/site.yaml": withSettings("0", "251") })).toEqual([
      "_data/site.yaml:8: postsPerPage: 0 is too few (expected a whole number of posts per page from 1 to 50, e.g. 10)",
      "_data/site.yaml:10: archivePerPage: 251 is too many (expected a whole number of posts per page from 1 to 250, e.g. 100: longer pages would weigh more than the 30 KB budget)",
    ]);
    expect(await errorLines({ "_data/site.yaml": withSettings("12.5", "beaucoup") })).toEqual([
      "_data/site.yaml:8: postsPerPage: 12.5 is not a whole number (expected a whole number of posts per page from 1 to 50, e.g. 10)",
      '_data/site.yaml:10: archivePerPage: "beaucoup" is not a whole number (expected a whole number of posts per page from 1 to 250, e.g. 100)',
    ]);
  });
});
