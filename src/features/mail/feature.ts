// E-mail: press releases to journalists (with the embargo notice before their time) and digests of new posts to supporters' lists; `npm run mail` sends them.
import { defineFeature } from "../../core/feature.ts";
import { MAIL_FILE, type MailData, loadMail } from "./data.ts";

export default defineFeature<MailData | undefined>({
  name: "mail",
  watch: [MAIL_FILE],
  // Read and checked with the content, so that a mistake in the press list stops the build as any other.
  load: (context, content, problems) =>
    loadMail(
      context,
      content.languages.map((language) => language.code),
      problems,
    ),
});
