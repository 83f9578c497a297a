// An axe scan (WCAG 2.1 A/AA, no serious or critical findings) and no sideways scrolling on every
// page and play state, at both widths (the desktop and mobile projects).
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { SANDBOX_PARTY } from "@/lib/game/rules";
import { expectNoHorizontalScroll, expectNoSeriousAxeViolations } from "./support/a11y";
import { createTokenOnSettings, signInAsAdmin, signInAsNewPlayer, submitSignInForm } from "./support/accounts";
import { seedSave } from "./support/api";
import { openTitleScreen, waitForHydration } from "./support/game";
import { RECKLESS_STEPS, replay, SAFE_STEPS, stepsUntilScene, type Step } from "./support/paths";

/** Opens a seeded game (saved as the page's guest) whose save history is `steps` played one by one (one save per state). */
async function openSeededGame(page: Page, testInfo: TestInfo, steps: readonly Step[]) {
  const states = Array.from({ length: steps.length + 1 }, (_, taken) => replay(steps.slice(0, taken), SANDBOX_PARTY));
  const sessionId = await seedSave(page, testInfo, ...states);
  await page.goto(`/play/${sessionId}`);
  await expect(page.getByTestId("save-indicator")).toHaveText(`Saved ✓ v${states.length}`);
  return sessionId;
}

async function checkPage(page: Page, testInfo: TestInfo, name: string) {
  await expectNoHorizontalScroll(page);
  await expectNoSeriousAxeViolations(page, testInfo, name);
}

test.describe("accessibility", () => {
  // Scanned as a player with "reduce motion" sees it: the same DOM with the weather animations
  // stopped. A still page makes axe several times faster on this busy machine (the designer's
  // eleven animated scenes took up to a minute to scan) without hiding anything from it.
  test.use({ reducedMotion: "reduce" });

  test("title screen", async ({ page }, testInfo) => {
    await openTitleScreen(page);
    await checkPage(page, testInfo, "title");
  });

  test("title screen with validation errors", async ({ page }, testInfo) => {
    await openTitleScreen(page);
    await page.getByTestId("new-game-form").getByRole("button", { name: "Begin the tale ▶" }).click();
    await expect(page.getByLabel("Party name", { exact: true })).toBeFocused();
    await expect(page.getByText("Give your party a name.")).toBeVisible();
    await checkPage(page, testInfo, "title-errors");
  });

  test("a scene with choices (one locked)", async ({ page }, testInfo) => {
    await openSeededGame(page, testInfo, stepsUntilScene(SAFE_STEPS, 3, SANDBOX_PARTY));
    await expect(page.getByTestId("scene-number")).toHaveText("Scene 3 of 11");
    await expect(page.getByTestId("prompt-choices").locator("button:disabled")).toHaveCount(1);
    await expect(page.getByTestId("last-outcome")).toBeVisible();
    await checkPage(page, testInfo, "scene-choices");
  });

  test("the scene 6 sigil prompt", async ({ page }, testInfo) => {
    await openSeededGame(page, testInfo, stepsUntilScene(SAFE_STEPS, 6, SANDBOX_PARTY));
    await expect(page.getByTestId("prompt-symbol")).toBeVisible();
    await expect(page.getByTestId(/^symbol-(order|chaos|balance)$/)).toHaveCount(3);
    await checkPage(page, testInfo, "scene-6-sigils");
  });

  test("an ending", async ({ page }, testInfo) => {
    await openSeededGame(page, testInfo, SAFE_STEPS);
    await expect(page.getByTestId("ending-title")).toHaveText("The Warden's Rest");
    await checkPage(page, testInfo, "ending");
  });

  test("the defeat screen", async ({ page }, testInfo) => {
    await openSeededGame(page, testInfo, RECKLESS_STEPS);
    await expect(page.getByTestId("defeat-title")).toBeVisible();
    await expect(page.getByTestId("load-last-save")).toBeEnabled();
    await checkPage(page, testInfo, "defeat");
  });

  test("the history dialog", async ({ page }, testInfo) => {
    await openSeededGame(page, testInfo, stepsUntilScene(SAFE_STEPS, 4, SANDBOX_PARTY));
    const openHistory = page.getByTestId("open-history");
    await waitForHydration(openHistory);
    await openHistory.click();
    const dialog = page.getByTestId("history-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId(/^snapshot-\d+$/)).toHaveCount(4);
    await expect(dialog.getByTestId(/^restore-\d+$/)).toHaveCount(3);
    await checkPage(page, testInfo, "history-dialog");
  });

  test("the designer (as an admin)", async ({ page }, testInfo) => {
    await signInAsAdmin(page, testInfo);
    await page.goto("/designer");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scene designer");
    await expect(page.getByTestId(/^scene-card-\d+$/)).toHaveCount(11);
    await checkPage(page, testInfo, "designer");
  });

  test("the sign-in page with a failed attempt", async ({ page }, testInfo) => {
    await page.goto("/signin");
    await submitSignInForm(page, { email: `nobody-${testInfo.testId}@e2e.test`, password: "not the password 7" });
    await expect(page.getByTestId("signin-error")).toHaveText("Email or password is incorrect.");
    await checkPage(page, testInfo, "signin-error");
  });

  test("the sign-up page with rule errors", async ({ page }, testInfo) => {
    await page.goto("/signup");
    const form = page.getByTestId("signup-form");
    await waitForHydration(form);
    await form.getByLabel("Email", { exact: true }).fill("not-an-email");
    await form.getByLabel("Password", { exact: true }).fill("short");
    await form.getByTestId("signup-submit").click();
    await expect(form.getByLabel("Email", { exact: true })).toBeFocused();
    await expect(form.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await checkPage(page, testInfo, "signup-errors");
  });

  test("the settings page of an account, with a new API token", async ({ page }, testInfo) => {
    await signInAsNewPlayer(page, testInfo);
    await createTokenOnSettings(page, "a11y-scan");
    await expect(page.getByTestId("account-details")).toBeVisible();
    await checkPage(page, testInfo, "settings");
  });

  test("an unknown session", async ({ page }, testInfo) => {
    await page.goto("/play/no-such-session-anywhere");
    await expect(page.getByTestId("session-not-found")).toBeVisible();
    await checkPage(page, testInfo, "session-not-found");
  });

  test("the 404 page", async ({ page }, testInfo) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await checkPage(page, testInfo, "not-found");
  });
});
