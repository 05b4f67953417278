// The writer's derived outputs: files made from other outputs' content, written after them by the same writer, their addresses checked against all.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Derivation, Output } from "../../src/core/output/output.ts";
import { writeOutputs } from "../../src/core/output/writer.ts";
import { tempDir } from "../helpers/project.ts";

const page = (url: string, text: string): Output => ({
  url,
  type: "text/html",
  origin: { feature: "pages", file: `pages${url}index.md` },
  produce: () => `<p>${text}</p>`,
});

/** Lists the pages it read, in one file at `url`. */
function contents(url: string): Derivation {
  const read: string[] = [];
  return {
    origin: { feature: "listing" },
    reads: (output) => output.type === "text/html",
    read: async (output, file) => void read.push(`${output.url} ${(await file.content()).toString()}`),
    outputs: async () => [
      { url, type: "text/plain", origin: { feature: "listing" }, produce: () => read.sort().join("\n") },
    ],
  };
}

describe("derived outputs", () => {
  it("are made from the content of the outputs they read, and written with them", async () => {
    const dir = await tempDir();
    const outputs = [
      page("/fr/", "accueil"),
      page("/en/", "home"),
      { url: "/robots.txt", type: "text/plain", origin: { feature: "meta" }, produce: () => "User-agent: *" },
    ];
    const written = await writeOutputs(outputs, dir, { derivations: [contents("/listing.txt")] });
    expect(written.map((file) => file.url).sort()).toEqual(["/en/", "/fr/", "/listing.txt", "/robots.txt"]);
    expect(await readFile(path.join(dir, "listing.txt"), "utf8")).toBe("/en/ <p>home</p>\n/fr/ <p>accueil</p>");
  });

  it("cannot take an address another output has, and the message names both", async () => {
    const dir = await tempDir();
    await expect(
      writeOutputs([page("/fr/", "accueil"), page("/fr/liste/", "x")], dir, {
        derivations: [contents("/fr/liste/index.html")],
      }),
    ).rejects.toThrow(
      "the listing feature: /fr/liste/index.html is already an address of the site, made by pages/fr/liste/index.md",
    );
  });

  it("name themselves when they fail", async () => {
    const failing: Derivation = { ...contents("/x.txt"), outputs: () => Promise.reject(new Error("out of ink")) };
    await expect(writeOutputs([page("/fr/", "a")], await tempDir(), { derivations: [failing] })).rejects.toThrow(
      "the listing feature: its files could not be made: out of ink",
    );
  });
});
