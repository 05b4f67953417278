// One build of the site once its model is made: the list of every output (pages and the features' files), and writing it.
import type { DateTime } from "luxon";
import type { BuildContext } from "../context.ts";
import type { SiteModel } from "../contract.ts";
import type { View } from "../model/types.ts";
import { Finisher } from "../output/finish.ts";
import type { Output } from "../output/output.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { type WriteOptions, type WrittenFile, writeOutputs } from "../output/writer.ts";
import { pageOutputs } from "../render/pages.ts";
import type { TemplateRenderer } from "../contract.ts";
import { type LinkingDocument, linkProblems } from "../check/links.ts";

export class SiteBuild {
  /** The warnings found in the list of outputs, once it is checked. */
  private outputWarnings: readonly Problem[] = [];

  constructor(
    readonly model: SiteModel,
    readonly renderer: TemplateRenderer,
    readonly context: BuildContext,
  ) {}

  /** Every output of the site: a page per view (or the views given), then each feature's files, in registration order. */
  outputs(views: readonly View[] = this.model.views): Output[] {
    return [
      ...pageOutputs(views, this.model, this.renderer, this.context),
      ...this.model.registry.features.flatMap(
        (feature) => feature.outputs?.(this.model, this.context, this.renderer, this.model.data(feature.name)) ?? [],
      ),
    ];
  }

  /** The next moment the clock changes what the site shows: an embargo ends, or something a feature shows by date. */
  nextChange(): DateTime | undefined {
    const moments = [
      this.model.heldBack[0]?.until,
      ...this.model.registry.features.map((feature) => feature.nextChange?.(this.model)),
    ];
    return moments
      .filter((moment): moment is DateTime => moment !== undefined && moment > this.model.now)
      .reduce<DateTime | undefined>((soonest, moment) => (!soonest || moment < soonest ? moment : soonest), undefined);
  }

  /**
   * What is wrong in the list of outputs: what the features find (an old address that another output answers…),
   * and the links and images of `documents` (the published posts and pages by default) that lead nowhere.
   */
  outputProblems(outputs: readonly Output[], documents: readonly LinkingDocument[] = this.documents()): Problem[] {
    return [
      ...this.model.registry.features.flatMap((feature) => feature.checkOutputs?.(outputs, this.model) ?? []),
      ...linkProblems(documents, outputs, this.model),
    ];
  }

  /** The posts and pages this build publishes. */
  private documents(): LinkingDocument[] {
    return [
      ...this.model.posts,
      ...Object.values(this.model.editions).flatMap((edition) => [...edition.pages.values()]),
    ];
  }

  /**
   * Every output, once the list is checked: an error stops the build, naming its file, line and field; warnings
   * are printed and counted (`warnings`).
   */
  checkedOutputs(views?: readonly View[]): Output[] {
    const outputs = this.outputs(views);
    const problems = this.outputProblems(views ? this.outputs() : outputs);
    if (problems.some((problem) => problem.severity === "error")) throw new ContentError(problems);
    this.outputWarnings = problems;
    for (const warning of problems) this.context.log.warn(warning);
    return outputs;
  }

  /** Every warning of this build: the content's and the list of outputs'. */
  get warnings(): readonly Problem[] {
    return [...this.model.warnings, ...this.outputWarnings];
  }

  /** Writes the production site into `dir`: every file finished (minified, compressed) through the cache. */
  async writeProduction(dir: string, options: Omit<WriteOptions, "finisher"> = {}): Promise<WrittenFile[]> {
    const outputs = this.checkedOutputs();
    const finisher = new Finisher(this.context.cache);
    try {
      return await writeOutputs(outputs, dir, { ...options, finisher });
    } finally {
      await finisher.close();
    }
  }

  /** Writes the preview into `dir`: the pages given (those an edit changed) and every other file, each only when its content changed. */
  async writePreview(dir: string, views: readonly View[]): Promise<WrittenFile[]> {
    const written = this.context.session.keep("preview-written", () => new Map<string, string>());
    return writeOutputs(this.checkedOutputs(views), dir, { written });
  }
}
