// Every problem of the content at once: its own, and those of the links and images of its valid documents, checked against the site they make.
import { SiteBuild } from "../build/site-build.ts";
import type { BuildContext } from "../context.ts";
import type { Registry, SiteModel, TemplateRenderer } from "../contract.ts";
import type { Problem } from "../content/problems.ts";
import type { Content } from "../content/types.ts";
import { buildSiteModel } from "../model/site-model.ts";
import type { LinkingDocument } from "./links.ts";

/** Listing outputs renders nothing: only their addresses are needed. */
export const NO_RENDERING: TemplateRenderer = {
  render: (name) => {
    throw new Error(`no template is rendered to list the outputs (${name})`);
  },
};

/**
 * The model the valid documents make, even when other files have errors, and every problem: the content's, and
 * the links and images of `documents` (the published ones by default) that lead nowhere in that model's site.
 */
export function siteProblems(
  content: Content,
  registry: Registry,
  context: BuildContext,
  documents?: readonly LinkingDocument[],
): { model?: SiteModel | undefined; problems: Problem[] } {
  // Without its settings or languages, the content was only partly read (no feature data): there is no site to check against.
  if (registry.features.some((feature) => feature.load && !content.data.has(feature.name)))
    return { problems: content.problems };
  const { model, problems } = buildSiteModel({ ...content, problems: [] }, registry, context);
  const all = [...content.problems, ...problems];
  // A data file with an error leaves out the pages it makes (a press room, an event): links to them would be false alarms.
  const dataBroken = content.problems.some(
    (problem) => problem.severity === "error" && problem.file.startsWith("_data/"),
  );
  if (model && !dataBroken) {
    const build = new SiteBuild(model, NO_RENDERING, context);
    all.push(...build.outputProblems(build.outputs(), documents));
  }
  return { model, problems: all };
}
