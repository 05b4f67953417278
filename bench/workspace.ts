// The benchmark's scratch folder: a copy of the project and one of the baseline, both holding the same generated corpus.
import { cp, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Corpus, writeCorpus } from "./corpus.ts";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
export const BASELINE_SOURCE = path.join(PROJECT_ROOT, "bench", "baseline");
/** What a tract site is made of, besides its posts. */
const PROJECT_FILES = [
  "_data",
  "_includes",
  "assets",
  "pages",
  "src",
  "eleventy.config.ts",
  "package.json",
  "tsconfig.json",
];

export interface Workspace {
  dir: string;
  /** The project copy, the corpus added to its sample posts. */
  tractRoot: string;
  /** bench/baseline/ copied, with the same corpus in its posts/. */
  baselineRoot: string;
  /** Build outputs go here, outside both projects so neither reads the other's output. */
  outputRoot: string;
  corpus: Corpus;
}

async function linkNodeModules(root: string): Promise<void> {
  await symlink(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
}

export async function createWorkspace(posts: number): Promise<Workspace> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tract-bench-"));
  const tractRoot = path.join(dir, "tract");
  const baselineRoot = path.join(dir, "baseline");
  const outputRoot = path.join(dir, "out");
  for (const entry of PROJECT_FILES)
    await cp(path.join(PROJECT_ROOT, entry), path.join(tractRoot, entry), { recursive: true });
  // The sample posts stay: the sample events and press room refer to them, as a real site's data refers to its posts.
  await cp(path.join(PROJECT_ROOT, "posts"), path.join(tractRoot, "posts"), { recursive: true });
  const corpus = await writeCorpus(tractRoot, posts);
  await cp(BASELINE_SOURCE, baselineRoot, { recursive: true });
  await cp(path.join(tractRoot, "posts"), path.join(baselineRoot, "posts"), { recursive: true });
  await Promise.all([linkNodeModules(tractRoot), linkNodeModules(baselineRoot), mkdir(outputRoot)]);
  return { dir, tractRoot, baselineRoot, outputRoot, corpus };
}

export async function removeWorkspace(workspace: Workspace): Promise<void> {
  await rm(workspace.dir, { recursive: true, force: true });
}
