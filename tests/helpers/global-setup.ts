// Builds the sample site once, in production mode, for every test that checks the output.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import path from "node:path";
import { PROJECT_ROOT, removeDir, runBuild, tempDir } from "./project.ts";

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
  return () => removeDir(runDir);
}
