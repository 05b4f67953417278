// Eleventy plugin: loads and validates the content once per build and exposes the published site model as `tract`.
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import { loadContent, CONTENT_FOLDERS } from "../content/load.ts";
import { ContentError, formatProblem } from "../content/problems.ts";
import { buildClock } from "../dates/parse.ts";
import { buildSiteModel, type SiteModel } from "./site-model.ts";
import { packPressKits } from "../../features/press/kit.ts";
import { startBuildMemos } from "../build/build-memo.ts";

/** Drafts are for `npm start`; the production build (run mode "build") never includes them. */
export function includeDraftsFor(runMode: string | undefined): boolean {
  return runMode === "serve" || runMode === "watch";
}

let latest: SiteModel | undefined;

/** The model of the latest build in this process: the build CLI reads its warnings for the summary. */
export function latestSiteModel(): SiteModel | undefined {
  return latest;
}

export async function loadSiteModel(root: string, env: NodeJS.ProcessEnv = process.env): Promise<SiteModel> {
  const includeDrafts = includeDraftsFor(env.ELEVENTY_RUN_MODE);
  const content = await loadContent(root, { keepForRebuild: includeDrafts });
  const { model, problems } = buildSiteModel(content, { now: buildClock(content.site.timezone, env), includeDrafts });
  for (const warning of problems.filter((p) => p.severity === "warning")) console.warn(`[tract] warning: ${formatProblem(warning)}`);
  if (!model || problems.some((p) => p.severity === "error")) throw new ContentError(problems);
  latest = model;
  const [next] = model.heldBack;
  if (next) {
    const count = model.heldBack.length;
    console.log(`[tract] embargo: holding back ${count} post${count === 1 ? "" : "s"}; next: ${next.file} until ${next.until.toISO({ suppressMilliseconds: true })} (rebuild after that time to publish it)`);
  }
  // The press room page shows each kit's size and checksum: the kits are packed before any page renders.
  await packPressKits(model);
  return model;
}

/** The model the current build renders, for handlers that write files once the pages are written (eleventy.after). */
let currentModel: Promise<SiteModel> | undefined;

export function modelOfCurrentBuild(): Promise<SiteModel> {
  if (!currentModel) throw new Error("no site model has been loaded in this build");
  return currentModel;
}

export default function contentPlugin(eleventyConfig: UserConfig): void {
  for (const folder of Object.values(CONTENT_FOLDERS)) eleventyConfig.addWatchTarget(`./${folder}/`);
  eleventyConfig.on("eleventy.before", startBuildMemos);
  eleventyConfig.addGlobalData("tract", () => (currentModel = loadSiteModel(process.cwd())));
}
