// The writer's derived outputs: files made from other outputs' content, written after them by the same writer, their addresses checked against all.
import { pbkdf2 } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Derivation, Output } from "../../src/core/output/output.ts";
import { writeOutputs } from "../../src/core/output/writer.ts";
import { handOver } from "../../src/core/output/derivations.ts";
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

  it("are made while the outputs they do not read are written, and every file is returned in the order given", async () => {
    const dir = await tempDir();
    let started: () => void = () => undefined;
    const derivationStarted = new Promise<void>((resolve) => (started = resolve));
    const listing = contents("/listing.txt");
    const derivation: Derivation = { ...listing, outputs: () => (started(), listing.outputs()) };
    // A feed that is made only once the derivation has started: written after it, the build would never end.
    const feed: Output = {
      url: "/feed.xml",
      type: "application/atom+xml",
      origin: { feature: "feeds" },
      produce: async () => (await derivationStarted, "<feed/>"),
    };
    const written = await writeOutputs([feed, page("/fr/", "accueil"), page("/en/", "home")], dir, {
      derivations: [derivation],
    });
    expect(written.map((file) => file.url)).toEqual(["/feed.xml", "/fr/", "/en/", "/listing.txt"]);
    expect(await readFile(path.join(dir, "feed.xml"), "utf8")).toBe("<feed/>");
  });

  it("read a page they are handed at once, even while libuv's threads are all busy (as sharp keeps them while drawing)", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "index.html");
    await writeFile(file, "<p>accueil</p>");
    let content: (() => Promise<Buffer>) | undefined;
    const reader: Derivation = {
      origin: { feature: "listing" },
      reads: () => true,
      read: async (_output, written) => void (content = written.content),
      outputs: async () => [],
    };
    await handOver([reader], page("/fr/", "accueil"), "key", file);
    // Twice as many tasks as the pool has threads (4 unless UV_THREADPOOL_SIZE says more): a read through the pool
    // would wait for the first of them to end.
    const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
    const busy = Array.from(
      { length: threads * 2 },
      () => new Promise<string>((resolve) => pbkdf2("secret", "salt", 300_000, 64, "sha512", () => resolve("busy"))),
    );
    const first = await Promise.race([content!().then((data) => data.toString()), ...busy]);
    await Promise.all(busy);
    expect(first).toBe("<p>accueil</p>");
  });

  it("leave nothing writing in the folder when they fail while other outputs are written", async () => {
    const failing: Derivation = { ...contents("/x.txt"), outputs: () => Promise.reject(new Error("out of ink")) };
    let finished = false;
    const slow: Output = {
      url: "/slow.txt",
      type: "text/plain",
      origin: { feature: "meta" },
      produce: async () => (await new Promise((resolve) => setTimeout(resolve, 200)), (finished = true), "done"),
    };
    await expect(writeOutputs([page("/fr/", "a"), slow], await tempDir(), { derivations: [failing] })).rejects.toThrow(
      "out of ink",
    );
    expect(finished).toBe(true);
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
