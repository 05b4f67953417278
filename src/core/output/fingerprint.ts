// What an output is made from, as one hash: the values it reads (a view, a feed, an event…) with posts by revision, so that an unchanged output is known without making it.
import { createHash } from "node:crypto";
import type { BuildMemo } from "../build/build-memo.ts";
import type { SiteModel } from "../contract.ts";
import type { Post } from "../model/types.ts";
import { isBuildContext } from "../context.ts";

/** An output's inputs hold the build context: a mistake of the feature, told rather than making the output at every build. */
export class ContextInInputs extends Error {}

function hash(data: string | Uint8Array): string {
  return createHash("sha1").update(data).digest("base64");
}

/** Rendered HTML and Markdown sources, by far the largest strings of the model: hashed once, and counted by their hash. */
const HASHED_TEXTS = new Set(["html", "body"]);

/**
 * Fingerprints of the values outputs are made from, for one build. A post counts by its revision (everything it holds),
 * a post inside another post or a list by what others show of it; Maps and Sets count as lists (JSON.stringify would
 * write `{}`), binary data and long texts by their hash.
 */
export class InputFingerprints {
  private readonly posts: Set<object>;
  private readonly revisions = new WeakMap<object, string>();
  private readonly binary = new WeakMap<Uint8Array, string>();
  private layoutKey: string | undefined;

  constructor(
    private readonly model: SiteModel,
    /** Kept for the session: the preview hashes the same texts at every rebuild. */
    private readonly texts: BuildMemo<string, string>,
  ) {
    this.posts = new Set(model.posts);
  }

  private value(key: string, original: unknown, value: unknown): unknown {
    if (isBuildContext(original))
      throw new ContextInInputs(
        `its inputs hold the build context (under "${key}"), which is new at every build, so it would be made at every build (expected the values it reads from it, or a toJSON that gives them)`,
      );
    if (original instanceof Uint8Array) {
      let known = this.binary.get(original);
      if (!known) this.binary.set(original, (known = hash(original)));
      return known;
    }
    if (HASHED_TEXTS.has(key) && typeof value === "string") return this.texts.get(value, () => hash(value));
    if (value instanceof Map) return [...value.entries()];
    if (value instanceof Set) return [...value];
    return value;
  }

  /** What a post shows of another (a link, an item of a list): enough to redraw either when the other changes. */
  private static summary(post: Post) {
    const { file, url, title, description, date, updated, kind, tags, draft, embargoed } = post;
    return { file, url, title, description, date, updated, kind, tags, draft, embargoed };
  }

  /**
   * The JSON replacer: inside a post (`insidePost`), another post counts by its summary; elsewhere, by its revision.
   * `this` of the returned function is the object holding the value, as JSON.stringify calls it.
   */
  private replacer(insidePost: boolean): (this: Record<string, unknown>, key: string, value: unknown) => unknown {
    const isPost = (value: unknown): value is Post => this.posts.has(value as object);
    const counted = (key: string, original: unknown, value: unknown) => this.value(key, original, value);
    const revision = (post: Post) => this.revision(post);
    return function (this: Record<string, unknown>, key: string, value: unknown) {
      if (!isPost(value)) return counted(key, this[key], value);
      if (!insidePost) return revision(value);
      return key === "" ? counted(key, value, value) : InputFingerprints.summary(value);
    };
  }

  private revision(post: Post): string {
    let known = this.revisions.get(post);
    if (!known) {
      known = hash(JSON.stringify(post, this.replacer(true)));
      this.revisions.set(post, known);
    }
    return known;
  }

  /**
   * The hash of `value`, or undefined when it cannot be serialised (a cycle): the output is then always made. Throws
   * ContextInInputs when it holds the build context.
   */
  of(value: unknown): string | undefined {
    try {
      return hash(JSON.stringify(value, this.replacer(false)) ?? "undefined");
    } catch (error) {
      if (error instanceof ContextInInputs) throw error;
      return undefined;
    }
  }

  /** What the layout of every page reads of the whole site: each edition's pages, feature data and topics, the site's feature data. */
  get layout(): string {
    this.layoutKey ??=
      this.of({
        editions: Object.values(this.model.editions).map((edition) => ({
          pages: edition.pages,
          ext: edition.ext,
          tags: edition.tags.map(({ name, slug, url }) => ({ name, slug, url })),
        })),
        ext: this.model.ext,
      }) ?? String(Math.random());
    return this.layoutKey;
  }
}
