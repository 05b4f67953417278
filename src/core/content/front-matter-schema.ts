// The front matter of posts and pages: the core's fields and every registered feature's, each checked by its own schema.
import { z } from "zod";
import type { Registry } from "../contract.ts";
import type { SchemaContext } from "../slots.ts";
import { quote } from "./problems.ts";
import { issueText, msg } from "../i18n/message.ts";
import { addProblem, contentDate, expecting, licence, saysOf, slug, strictBoolean, text } from "./schema.ts";
import { tagList } from "./tags.ts";

/** The fields every post has; features add theirs (Registry). */
function corePostFields(zone: string, kinds: string[]) {
  return {
    title: text(msg`a title`),
    date: contentDate(zone),
    updated: contentDate(zone).optional(),
    description: text(msg`a one- or two-sentence summary, used in meta tags and feeds`),
    tags: tagList.default([]),
    kind: z
      .enum(kinds as [string, ...string[]], {
        error: expecting(msg`one of ${kinds.join(", ")}`, msg`a known kind`),
      })
      .default("post"),
    translationKey: slug(msg`a stable name shared by all translations of this piece, e.g. retour-du-charbon`),
    slug: slug().optional(),
    draft: strictBoolean.default(false),
    /** Kept out of every output of the build until this moment. */
    embargo: contentDate(zone, true).optional(),
    author: text(msg`the author's name`).optional(),
    image: text(msg`a path under /assets/, e.g. /assets/img/cover.jpg`)
      .refine(
        (value) => value.startsWith("/assets/"),
        saysOf((input) => msg`${quote(input)} is not under /assets/ (expected e.g. /assets/img/cover.jpg)`),
      )
      .optional(),
    imageAlt: text(msg`a short description of the image for people who cannot see it`).optional(),
    imageCredit: text(msg`who made the image, as they must be credited, e.g. Photo: Camille Martin`).optional(),
    imageLicence: licence.optional(),
  };
}
export const CORE_POST_FIELDS = Object.keys(corePostFields("UTC", ["post"]));

function corePageFields(zone: string) {
  return {
    title: text(msg`a title`),
    description: text(msg`a one- or two-sentence summary, used in meta tags`),
    translationKey: slug(msg`a stable name shared by all translations of this page, e.g. about`),
    slug: slug().optional(),
    updated: contentDate(zone).optional(),
  };
}
export const CORE_PAGE_FIELDS = Object.keys(corePageFields("UTC"));

/** A post's front matter: the core's fields and every feature's, each checked by its own schema. */
export function postFrontMatterSchema(context: SchemaContext, registry: Registry) {
  const featureFields = Object.assign(
    {},
    ...registry.features.map((feature) => feature.postFields?.shape(context) ?? {}),
  ) as Record<string, z.ZodType>;
  return z
    .strictObject(
      {
        ...corePostFields(
          context.zone,
          registry.kinds.map((kind) => kind.name),
        ),
        ...featureFields,
      },
      {
        error: (issue) =>
          issue.code === "invalid_type" ? issueText(msg`front matter is not a list of fields`) : undefined,
      },
    )
    .superRefine((post, ctx) => {
      if (post.image && !post.imageAlt) {
        addProblem(
          ctx,
          msg`missing for image ${quote(post.image)} (expected a short description of the image for people who cannot see it)`,
          ["imageAlt"],
        );
      }
      for (const field of ["imageCredit", "imageLicence"] as const) {
        if (post[field] && !post.image)
          addProblem(
            ctx,
            msg`is given without image (expected an image: line naming the picture it is about, or no ${field} line)`,
            [field],
            post[field],
          );
      }
      if (post.updated && post.updated < post.date) {
        addProblem(
          ctx,
          msg`${quote(post.updated.toISO())} is before date (expected a date after ${post.date.toISODate() ?? ""})`,
          ["updated"],
          post.updated,
        );
      }
      for (const feature of registry.features) {
        feature.refinePost?.(post, (field, message) => addProblem(ctx, message, [field]), context);
      }
    });
}

export function pageFrontMatterSchema(context: SchemaContext, registry: Registry) {
  const featureFields = Object.assign(
    {},
    ...registry.features.map((feature) => feature.pageFields?.shape(context) ?? {}),
  ) as Record<string, z.ZodType>;
  return z.strictObject({ ...corePageFields(context.zone), ...featureFields });
}
