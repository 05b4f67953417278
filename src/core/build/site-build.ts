// One build of the site once its model is made: the list of every output (pages and the features' files), and writing it.
import type { DateTime } from "luxon";
import type { BuildContext } from "../context.ts";
import type { SiteModel } from "../contract.ts";
import { Finisher } from "../output/finish.ts";
import type { Derivation, Output } from "../output/output.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { InputFingerprints } from "../output/fingerprint.ts";
import { type PreviousRelease, type WrittenFile, writeOutputs } from "../output/writer.ts";
import { environmentKey } from "./environment.ts";
import { describeOrigin } from "../output/paths.ts";
import { pageOutputs } from "../render/pages.ts";
import type { TemplateRenderer } from "../contract.ts";
import { type LinkingDocument, linkProblems } from "../check/links.ts";

export class SiteBuild {
  private readonly fingerprints: InputFingerprints;
  /** The warnings found in the list of outputs, once it is checked. */
  private outputWarnings: readonly Problem[] = [];

  constructor(
    readonly model: SiteModel,
    readonly renderer: TemplateRenderer,
    readonly context: BuildContext,
  ) {
    this.fingerprints = new InputFingerprints(model, context.session.memo("input-texts"));
  }

  /** Every output of the site: a page per view, then each feature's files, in registration order. */
  outputs(): Output[] {
    return [
      ...pageOutputs(this.model.views, this.model, this.renderer, this.context, () => this.fingerprints.layout),
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
  checkedOutputs(): Output[] {
    const outputs = this.outputs();
    const problems = this.outputProblems(outputs);
    if (problems.some((problem) => problem.severity === "error")) throw new ContentError(problems);
    this.outputWarnings = problems;
    for (const warning of problems) this.context.log.warn(warning);
    return outputs;
  }

  /** Every warning of this build: the content's and the list of outputs'. */
  get warnings(): readonly Problem[] {
    return [...this.model.warnings, ...this.outputWarnings];
  }

  /** The features' files made from other outputs' content (see Feature.derive). */
  derivations(): Derivation[] {
    return this.model.registry.features.flatMap(
      (feature) => feature.derive?.(this.model, this.context, this.model.data(feature.name)) ?? [],
    );
  }

  /** The key of what an output is made from, within `environment`: undefined when it declares no inputs (always made). */
  private inputsOf(environment: string): (output: Output) => string | undefined {
    return (output) => {
      let inputs: string | undefined;
      try {
        inputs = output.inputs && this.fingerprints.of(output.inputs());
      } catch (error) {
        throw new Error(`${describeOrigin(output.origin)}: ${output.url}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      return inputs && `${environment.slice(0, 16)}:${inputs}`;
    };
  }

  /**
   * Writes the production site into `dir`: every file finished (minified, compressed) through the cache; a file of the
   * `previous` release made from the same inputs in the same `environment` is linked, not made.
   */
  async writeProduction(dir: string, environment: string, previous?: PreviousRelease): Promise<WrittenFile[]> {
    const outputs = this.checkedOutputs();
    const finisher = new Finisher(this.context.cache);
    try {
      return await writeOutputs(outputs, dir, {
        previous,
        finisher,
        inputsOf: this.inputsOf(environment),
        derivations: this.derivations(),
      });
    } finally {
      await finisher.close();
    }
  }

  /** Writes the preview into `dir`: each file only when what it is made from changed since the session last wrote it. */
  async writePreview(dir: string): Promise<WrittenFile[]> {
    const preview = this.context.session.keep(
      "preview-written",
      () => new Map<string, { inputs?: string | undefined; key: string }>(),
    );
    return writeOutputs(this.checkedOutputs(), dir, {
      preview,
      inputsOf: this.inputsOf(await environmentKey(this.context.root)),
    });
  }
}
