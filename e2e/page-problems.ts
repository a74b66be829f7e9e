import type { Page } from "@playwright/test";

/** Console errors, uncaught exceptions and Content-Security-Policy violations from now on (the page is reloaded to watch from its start). */
export async function watchPageProblems(page: Page): Promise<string[]> {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective}`));
  });
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.reload();
  return problems;
}
