// The list of features in eleventy.config.ts: a mistake in it is named, with the file and the fix, before anything is built.
import { describe, expect, it } from "vitest";
import { features } from "../../eleventy.config.ts";
import { FeatureRegistry } from "../../src/core/feature.ts";
import type { Feature } from "../../src/core/contract.ts";

describe("the features of eleventy.config.ts", () => {
  it("refuses an empty place or a value that is no feature, naming the file and the item", () => {
    const withHole = [...features.slice(0, 2), undefined, ...features.slice(2)] as unknown as Feature<unknown>[];
    expect(() => new FeatureRegistry(withHole)).toThrow(
      /^eleventy\.config\.ts: features: item 3 is undefined, not a feature \(expected the default export of a src\/features\/<name>\/feature\.ts/,
    );
  });

  it("refuses a feature registered twice", () => {
    expect(() => new FeatureRegistry([...features, features[0]!])).toThrow("the feature blog is registered twice");
  });
});
