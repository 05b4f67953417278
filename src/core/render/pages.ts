// Every view of the model as an output: an HTML page rendered by `_includes/views/<type>.njk` inside the base layout.
import type { BuildContext } from "../context.ts";
import type { SiteModel } from "../contract.ts";
import type { View } from "../model/types.ts";
import type { Output } from "../output/output.ts";
import { PageInputs } from "../output/fingerprint.ts";

/** The part of a Nunjucks environment used here: Eleventy's own, with every filter the plugins add. */
export interface TemplateRenderer {
  render(name: string, context: object): string;
}

export const LAYOUT = "layouts/base.njk";

/** The template data a view needs besides itself, from every feature that declares some for its type. */
async function viewData(view: View, model: SiteModel, context: BuildContext): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    model.registry.features.map((feature) => feature.viewData?.[view.type]?.(view, model, context) ?? {}),
  );
  return Object.assign({}, ...parts) as Record<string, unknown>;
}

/**
 * One output per view. Rendering happens when the writer asks for the page, one page at a time: Eleventy's own
 * pagination kept every page's output and template state until the build ended, doubling the memory at thousands of pages.
 */
export function pageOutputs(
  views: readonly View[],
  model: SiteModel,
  renderer: TemplateRenderer,
  context: BuildContext,
  /** What the layout of every page reads of the whole site (see InputFingerprints.layout). */
  layout: () => string,
): Output[] {
  return views.map((view) => ({
    url: view.url,
    type: "text/html",
    lang: view.lang,
    origin: view.origin ?? { feature: "pages" },
    // A page is made from its view and what the layout reads; what a view type's `viewData` reads (a PDF's size) is made
    // from its posts' text, so such a page counts every post whole.
    inputs: () =>
      new PageInputs(
        layout(),
        view,
        model.registry.features.some((feature) => feature.viewData?.[view.type]),
      ),
    produce: async () => renderer.render(LAYOUT, { tract: model, view, ...(await viewData(view, model, context)) }),
  }));
}

/** A file rendered from a template of `_includes/` with the model (a feed, the sitemap, a server map): `data` adds to `tract`. */
export function templateOutput(
  model: SiteModel,
  templates: TemplateRenderer,
  file: Omit<Output, "produce"> & { template: string; data?: Record<string, unknown> },
): Output {
  const { template, data, ...output } = file;
  return { ...output, produce: () => templates.render(template, { tract: model, ...data }) };
}
