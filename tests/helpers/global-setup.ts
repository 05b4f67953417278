// Builds the sample site once, in production mode, for every test that checks the output.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import path from "node:path";
import { cp } from "node:fs/promises";
import { CACHE_DIR } from "../../src/core/build/cache.ts";
import { PROJECT_ROOT, SEED_CACHE_VARIABLE, removeDir, runBuild, tempDir } from "./project.ts";

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Every scratch folder of this run goes in one folder, removed at the end (test workers inherit the variable).
  const runDir = await tempDir("tract-run-");
  process.env.TRACT_TEST_TMP = runDir;
  const dir = await tempDir("tract-site-");
  const siteDir = path.join(dir, "_site");
  const result = await runBuild(PROJECT_ROOT, siteDir);
  if (result.code !== 0) throw new Error(`the sample site does not build:\n${result.stdout}\n${result.stderr}`);
  project.provide("siteDir", siteDir);
  // A still copy of the cache that build used, for the copies of the project to start with (see copyProject).
  const seed = path.join(runDir, "seed-cache");
  await cp(path.join(PROJECT_ROOT, CACHE_DIR), seed, { recursive: true });
  process.env[SEED_CACHE_VARIABLE] = seed;
  return () => removeDir(runDir);
}
