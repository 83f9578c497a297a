// The scene designer: every scene on a card, and a sandbox session dropped into any of them, for
// designers and admins; players (guests or accounts) are shown the "Designers only" panel.
import { expect, test, type Page } from "@playwright/test";
import { sandboxState } from "@/lib/game/rules";
import { SCENES } from "@/lib/game/scenes";
import { expectNoSeriousAxeViolations } from "./support/a11y";
import { expectAccountInHeader, signInAsAdmin, signInAsNewPlayer } from "./support/accounts";
import { loadSave } from "./support/api";
import { expectSaved, expectScene, heroHpOnScreen, snapshotPage, waitForHydration } from "./support/game";
import { heroHp } from "./support/paths";

test("the designer shows all 11 scenes and plays a sandbox from scene 8", async ({ page }, testInfo) => {
  await signInAsAdmin(page, testInfo);
  await page.goto("/designer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scene designer");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Designer" })).toBeVisible();
  await expect(page.getByTestId(/^scene-card-\d+$/)).toHaveCount(11);
  for (const scene of SCENES) {
    await expect(page.getByTestId(`scene-card-${scene.index}`).getByRole("heading", { level: 2 })).toHaveText(scene.title);
  }

  const playFrom8 = page.getByTestId("play-from-here-8");
  await playFrom8.scrollIntoViewIfNeeded();
  await snapshotPage(page, testInfo, "designer");
  await waitForHydration(playFrom8);
  await playFrom8.click();

  await expect(page).toHaveURL(/\/play\/sandbox-[a-z0-9]{10}$/);
  await expectScene(page, 8, "The Ember Warden");
  await expectSaved(page, 1);
  await expect(page.getByTestId("party-panel")).toContainText("The Sandbox Four");
  await expect(page.getByTestId("prompt-choices").locator("button[data-option-id]")).toHaveCount(3);
  const expected = sandboxState(8);
  expect(await heroHpOnScreen(page)).toEqual(heroHp(expected));

  const sessionId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const saved = await loadSave(page, sessionId);
  expect(saved.state).toEqual(expected);
});

/** /designer as someone without the designer role: the panel instead of the scene cards. */
async function expectDesignersOnly(page: Page) {
  await page.goto("/designer");
  const panel = page.getByTestId("designers-only");
  await expect(panel).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Designers only");
  await expect(page.getByTestId(/^scene-card-\d+$/)).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Designer" })).toHaveCount(0);
  return panel;
}

test("guests and players see the 'Designers only' panel", async ({ page }, testInfo) => {
  // A guest is pointed to sign-up first.
  const asGuest = await expectDesignersOnly(page);
  await expect(asGuest.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/signup?callbackUrl=%2Fdesigner");

  // A signed-in player is told how to get the role, with their own email in the command.
  const player = await signInAsNewPlayer(page, testInfo);
  const asPlayer = await expectDesignersOnly(page);
  await expectAccountInHeader(page, player.name);
  await expect(asPlayer.getByRole("link", { name: "Create an account" })).toHaveCount(0);
  await expect(asPlayer).toContainText(`npm run user:role -- ${player.email} designer`);
  await snapshotPage(page, testInfo, "designers-only");
  await expectNoSeriousAxeViolations(page, testInfo, "designers-only");
});
