// A reader in Chromium: from / to the French home, then from a French post to its English translation; with and without JavaScript.
import { describe, expect, it } from "vitest";
import { JAVASCRIPT_MODES, browserOnSharedSite } from "../helpers/browser.ts";

const site = browserOnSharedSite();

describe.each(JAVASCRIPT_MODES)("navigation $label", ({ javaScript }) => {
  it("goes from / to the French home, to a post, and through the switcher to its English translation", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.waitForURL(`${site.url}/fr/`);
    expect(await page.getAttribute("html", "lang")).toBe("fr");

    await page.getByRole("link", { name: "Billets", exact: true }).click();
    await page.waitForURL(`${site.url}/fr/billets/`);
    await page.getByRole("link", { name: /le grand retour du charbon/ }).click();
    await page.waitForURL(`${site.url}/fr/ia-retour-du-charbon/`);
    expect(await page.locator("h1").textContent()).toContain("le grand retour du charbon");

    await page.getByRole("navigation", { name: "Langue" }).getByRole("link", { name: "English" }).click();
    await page.waitForURL(`${site.url}/en/ai-coal-comeback/`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("AI’s hunger for energy: the great comeback of coal");

    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
    await page.waitForURL(`${site.url}/fr/ia-retour-du-charbon/`);
    await context.close();
  });

  it("shows the language's 404 page for an unknown address", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    const response = await page.goto(`${site.url}/en/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    await page.getByRole("link", { name: "Back to the home page" }).click();
    await page.waitForURL(`${site.url}/en/`);
    await context.close();
  });
});
