// Typed places where a feature keeps its part of the model (on the site, a language's edition or a post) and its front-matter fields.
import type { z } from "zod";

/** Anything that carries feature data: the model, an edition, a post, a page. */
export interface Extensible {
  /** Feature data by slot name (templates read it as `x.ext.<name>`). */
  readonly ext: Record<string, unknown>;
}

/** One feature's value on a holder, read and written through the slot that names it, so its type lives with the feature. */
export class Slot<T> {
  constructor(readonly name: string) {}

  get(holder: Extensible): T | undefined {
    return holder.ext[this.name] as T | undefined;
  }

  /** The value, which the feature guarantees it has set (e.g. on every edition during its link step). */
  require(holder: Extensible): T {
    const value = this.get(holder);
    if (value === undefined) throw new Error(`${this.name} is not set on this part of the model`);
    return value;
  }

  set(holder: Extensible, value: T): void {
    holder.ext[this.name] = value;
  }
}

/** Anything with front-matter fields added by features (posts and pages). */
export interface WithFields {
  /** The features' front-matter fields, as validated by their schemas (templates read `post.fields.<name>`). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** What field schemas may depend on: the site's time zone (dates without an offset) and its languages. */
export interface SchemaContext {
  zone: string;
  /** Declared language codes, the default one first. */
  languages: string[];
}

/** A feature's front-matter fields: their schemas, and typed access to a document's validated values. */
export class FieldSet<Shape extends Record<string, z.ZodType>> {
  constructor(readonly shape: (context: SchemaContext) => Shape) {}

  of(document: WithFields): { [K in keyof Shape]: z.output<Shape[K]> } {
    return document.fields as { [K in keyof Shape]: z.output<Shape[K]> };
  }
}
