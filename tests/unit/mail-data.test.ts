// The mail data (_data/mail.yaml) is checked with the content: each mistake one line naming the file, the field, what was found and the fix.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorLines } from "../helpers/fixture.ts";
import { PROJECT_ROOT } from "../helpers/project.ts";

const sample = await readFile(path.join(PROJECT_ROOT, "_data/mail.yaml"), "utf8");
const withChange = (from: string, to: string) => {
  expect(sample).toContain(from);
  return { "_data/mail.yaml": sample.replace(from, to) };
};

describe("mail data", () => {
  it("accepts the sample", async () => {
    expect(await errorLines({})).toEqual([]);
  });

  it("reports a journalist of no language of the site, a wrong address, the same address twice, and a list action that is no address", async () => {
    expect(await errorLines(withChange("    lang: en\n", "    lang: de\n"))).toEqual([
      '_data/mail.yaml:14: press #3 › lang: "de" is not a language of the site (expected one of fr, en)',
    ]);
    expect(await errorLines(withChange("alex.exemple@example.org", "alex.exemple"))).toEqual([
      '_data/mail.yaml:14: press #1 › email: "alex.exemple" is not an e-mail address (expected the journalist\'s address, e.g. name@example.org)',
    ]);
    expect(await errorLines(withChange("dominique.exemple@example.org", "Alex.Exemple@example.org"))).toEqual([
      '_data/mail.yaml: press #2 › email: "Alex.Exemple@example.org" is already press #1 (expected each journalist once)',
    ]);
    expect(
      await errorLines(
        withChange("unsubscribe: mailto:sympa@lists.example.org?subject=unsubscribe%20soutiens", "unsubscribe: sympa"),
      ),
    ).toEqual([
      '_data/mail.yaml:25: supporters › fr › unsubscribe: "sympa" is not an https: or mailto: address (expected how to unsubscribe, e.g. mailto:sympa@lists.example.org?subject=…)',
    ]);
  });
});
