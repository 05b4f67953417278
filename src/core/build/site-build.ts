// One build of the site once its model is made: the list of every output (pages and the features' files), and writing it.
import type { DateTime } from "luxon";
import type { BuildContext } from "../context.ts";
import type { SiteModel } from "../contract.ts";
import type { View } from "../model/types.ts";
import { Finisher } from "../output/finish.ts";
import type { Derivation, Output } from "../output/output.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { type WriteOptions, type WrittenFile, writeOutputs } from "../output/writer.ts";
import { pageOutputs } from "../render/pages.ts";
import type { TemplateRenderer } from "../contract.ts";

export class SiteBuild {
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

  /** What the features find wrong in the list of outputs (an old address that another output answers…). */
  outputProblems(outputs: readonly Output[]): Problem[] {
    return this.model.registry.features.flatMap((feature) => feature.checkOutputs?.(outputs, this.model) ?? []);
  }

  /** Every output, once the features have checked the list: a problem stops the build, naming its file and field. */
  checkedOutputs(views?: readonly View[]): Output[] {
    const outputs = this.outputs(views);
    const problems = this.outputProblems(this.outputs());
    if (problems.some((problem) => problem.severity === "error")) throw new ContentError(problems);
    return outputs;
  }

  /** The features' files made from other outputs' content (see Feature.derive). */
  derivations(): Derivation[] {
    return this.model.registry.features.flatMap(
      (feature) => feature.derive?.(this.model, this.context, this.model.data(feature.name)) ?? [],
    );
  }

  /** Writes the production site into `dir`: every file finished (minified, compressed) through the cache. */
  async writeProduction(
    dir: string,
    options: Omit<WriteOptions, "finisher" | "derivations"> = {},
  ): Promise<WrittenFile[]> {
    const outputs = this.checkedOutputs();
    const finisher = new Finisher(this.context.cache);
    try {
      return await writeOutputs(outputs, dir, { ...options, finisher, derivations: this.derivations() });
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
