// The feature registry: features declared (typing their data), registered in order, and what the core asks of them all.
import type { Feature, FollowLink, KindDeclaration, Registry, SiteModel, TemplateFilter } from "./contract.ts";
import type { Edition, View } from "./model/types.ts";

/** Declares a feature, typing its data from its `load` step to the others. */
export function defineFeature<Data = undefined>(feature: Feature<Data>): Feature<Data> {
  return feature;
}

/** The registered features, in order, and what the core asks of them all. */
export class FeatureRegistry implements Registry {
  readonly features: readonly Feature<unknown>[];

  constructor(features: readonly Feature<unknown>[]) {
    const names = new Set<string>();
    for (const [index, feature] of features.entries()) {
      if (typeof feature?.name !== "string")
        throw new Error(
          `eleventy.config.ts: features: item ${index + 1} is ${String(feature)}, not a feature (expected the default export of a src/features/<name>/feature.ts, imported above, and no empty place in the list such as ", ,")`,
        );
      if (names.has(feature.name)) throw new Error(`the feature ${feature.name} is registered twice`);
      names.add(feature.name);
    }
    this.features = features;
  }

  get kinds(): KindDeclaration[] {
    return [{ name: "post" }, ...this.features.flatMap((feature) => feature.kinds ?? [])];
  }

  kind(name: string): KindDeclaration | undefined {
    return this.kinds.find((kind) => kind.name === name);
  }

  get paths(): string[] {
    return this.features.flatMap((feature) => feature.paths ?? []);
  }

  get watched(): string[] {
    return this.features.flatMap((feature) => feature.watch ?? []);
  }

  get filters(): [string, TemplateFilter][] {
    return this.features.flatMap((feature) => Object.entries(feature.filters ?? {}));
  }

  structuredData(type: string): ((view: View, model: SiteModel) => Record<string, unknown>) | undefined {
    for (const feature of this.features) {
      const make = feature.structuredData?.[type];
      if (make) return make;
    }
    return undefined;
  }

  document(kind: string): NonNullable<Feature["documents"]>[string] | undefined {
    return this.features.map((feature) => feature.documents?.[kind]).find((make) => make !== undefined);
  }

  followLinks(edition: Edition, model: SiteModel): FollowLink[] {
    return this.features.flatMap((feature) => feature.followLinks?.(edition, model) ?? []);
  }
}
