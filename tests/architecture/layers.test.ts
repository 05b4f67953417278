// The house's layers, from the real import graph (madge, type imports included): no cycle, a core that imports no feature, features that import no other feature.
import path from "node:path";
import madge from "madge";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/project.ts";

const graph = await madge(path.join(PROJECT_ROOT, "src"), {
  fileExtensions: ["ts", "mjs"],
  tsConfig: path.join(PROJECT_ROOT, "tsconfig.json"),
  detectiveOptions: { ts: { skipTypeImports: false } },
});
const imports = Object.entries(graph.obj());
const featureOf = (file: string) => (file.startsWith("features/") ? file.split("/")[1] : undefined);

describe("the import graph", () => {
  it("reads every module", () => {
    expect(imports.length).toBeGreaterThan(100);
    expect(imports.some(([file]) => file === "core/contract.ts")).toBe(true);
  });

  it("has no cycle", () => {
    expect(graph.circular()).toEqual([]);
  });

  it("has a core that imports no feature", () => {
    const wrong = imports.flatMap(([file, dependencies]) =>
      file.startsWith("core/")
        ? dependencies
            .filter((dependency) => dependency.startsWith("features/"))
            .map((dependency) => `${file} → ${dependency}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });

  it("has features that import the core and never another feature", () => {
    const wrong = imports.flatMap(([file, dependencies]) => {
      const own = featureOf(file);
      return own
        ? dependencies
            .filter((dependency) => featureOf(dependency) && featureOf(dependency) !== own)
            .map((dependency) => `${file} → ${dependency}`)
        : [];
    });
    expect(wrong).toEqual([]);
  });
});

describe("modules", () => {
  it("are small: none over 250 lines, each with its header comment", async () => {
    const long: string[] = [];
    const headless: string[] = [];
    for (const [file] of imports) {
      const text = await readFile(path.join(PROJECT_ROOT, "src", file), "utf8");
      const lines = text.split("\n").length;
      if (lines > 250) long.push(`${file}: ${lines} lines`);
      if (!/^\/\/ \S/.test(text)) headless.push(file);
    }
    expect(long).toEqual([]);
    expect(headless).toEqual([]);
  });
});
