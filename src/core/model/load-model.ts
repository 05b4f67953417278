// Loads the content and builds the published model, reporting warnings and embargoes; errors stop the build with every problem found.
import type { BuildContext } from "../context.ts";
import type { Registry } from "../contract.ts";
import { loadContent } from "../content/load.ts";
import { ContentError } from "../content/problems.ts";
import { msg, plural } from "../i18n/message.ts";
import { buildSiteModel } from "./site-model.ts";
import { siteProblems } from "../check/site-problems.ts";
import type { SiteModel } from "../contract.ts";

export async function loadSiteModel(context: BuildContext, registry: Registry): Promise<SiteModel> {
  const content = await loadContent(context, registry);
  const { model, problems } = buildSiteModel(content, registry, context);
  for (const warning of problems.filter((p) => p.severity === "warning")) context.log.warn(warning);
  // Errors stop the build, reported all at once: with the links and images of the files that are valid.
  if (!model || problems.some((p) => p.severity === "error"))
    throw new ContentError(siteProblems(content, registry, context).problems);
  const [next] = model.heldBack;
  if (next) {
    const count = model.heldBack.length;
    context.log.info(
      msg`embargo: holding back ${plural(count, msg`${count} post`, msg`${count} posts`)}; next: ${next.file} until ${next.until.toISO({ suppressMilliseconds: true }) ?? ""} (rebuild after that time to publish it)`,
    );
  }
  return model;
}
