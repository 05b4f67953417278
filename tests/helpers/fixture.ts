// Test helpers: a minimal project (the real _data, given posts) and the problems its content gives.
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { features } from "../../eleventy.config.ts";
import { createContext } from "../../src/core/context.ts";
import { loadContent } from "../../src/core/content/load.ts";
import { FeatureRegistry } from "../../src/core/feature.ts";
import { buildSiteModel } from "../../src/core/model/site-model.ts";
import { SiteBuild } from "../../src/core/build/site-build.ts";
import { formatProblem } from "../../src/core/content/problems.ts";
import { PROJECT_ROOT, tempDir } from "./project.ts";

/** Front matter of a valid post; override or remove fields to make it invalid. */
export function postSource(fields: Record<string, string | undefined>, body = "Texte du billet."): string {
  const defaults: Record<string, string> = {
    title: '"Un billet"',
    date: "2025-02-08",
    description: '"Un résumé."',
    translationKey: "un-billet",
  };
  const merged = { ...defaults, ...fields };
  const lines = Object.entries(merged)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n${body}\n`;
}

/** Writes a project with the real _data settings, strings and press data, the real assets (the press data names pictures), and the given files (path → content). */
export async function fixtureProject(files: Record<string, string>): Promise<string> {
  const root = await tempDir("tract-fixture-");
  // The sample events link to sample posts, and the sample menus to sample pages, that a fixture does not have: a
  // fixture brings its own events, and has the menus of a site without _data/navigation.yaml.
  const left = [path.join(PROJECT_ROOT, "_data", "events"), path.join(PROJECT_ROOT, "_data", "navigation.yaml")];
  await cp(path.join(PROJECT_ROOT, "_data"), path.join(root, "_data"), {
    recursive: true,
    filter: (source) => !left.includes(source),
  });
  await cp(path.join(PROJECT_ROOT, "assets"), path.join(root, "assets"), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
}

/** The features of the sample site, as eleventy.config.ts registers them. */
export const registry = new FeatureRegistry(features);

/** The model of a project at a fixed clock; `preview` includes drafts, as `npm start` does. */
export async function modelFor(root: string, preview = false, now = DateTime.fromISO("2026-01-01T00:00:00Z")) {
  const context = createContext({ root, now, mode: preview ? "preview" : "production" });
  const content = await loadContent(context, registry);
  return buildSiteModel(content, registry, context);
}

/** `errorLines` lists outputs without making them: nothing is rendered. */
const NO_TEMPLATES = {
  render: (name: string): string => {
    throw new Error(`no template is rendered here (${name})`);
  },
};

/** The error lines the build would print for this project: its content's, then its list of outputs'. */
export async function errorLines(files: Record<string, string>): Promise<string[]> {
  const { model, problems } = await modelFor(await fixtureProject(files));
  const outputProblems = model
    ? ((build) => build.outputProblems(build.outputs()))(new SiteBuild(model, NO_TEMPLATES, model.context))
    : [];
  return [...problems, ...outputProblems]
    .filter((p) => p.severity === "error")
    .map((problem) => formatProblem(problem));
}

/** The published model of a project (the sample site by default), as a production build at `now` makes it; throws on errors. */
export async function publishedModel(root: string, now = DateTime.now()) {
  const { model, problems } = await modelFor(root, false, now);
  if (!model) throw new Error(problems.map((problem) => formatProblem(problem)).join("\n"));
  return model;
}
