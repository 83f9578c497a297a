// Coming back to a saved game from the title screen: by session id, or from the recent games list.
import { expect, test } from "@playwright/test";
import { uniqueSessionId } from "./support/api";
import { expectSaved, expectScene, makeMove, openTitleScreen, startNewGame, uniquePartyName, waitForHydration } from "./support/game";

test("a game can be continued from the recent games list and by typing its session id", async ({ page }, testInfo) => {
  const partyName = uniquePartyName(testInfo, "Returning");
  const sessionId = await startNewGame(page, { partyName });
  await makeMove(page, { choice: "take-map" }, "click");
  await expectScene(page, 2, "The Barred Gate");

  // The recent games list knows the party and how far it got.
  await openTitleScreen(page);
  const recent = page.getByTestId("recent-sessions");
  const entry = recent.getByRole("listitem").filter({ hasText: partyName });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("Scene 2 of 11");
  await entry.getByRole("link", { name: `Continue ${partyName} (${sessionId})` }).click();
  await expect(page).toHaveURL(new RegExp(`/play/${sessionId}$`));
  await expectScene(page, 2, "The Barred Gate");
  await expectSaved(page, 2);

  // By session id, as on another device.
  await openTitleScreen(page);
  const form = page.getByTestId("continue-form");
  await waitForHydration(form);
  await form.getByLabel("Session id", { exact: true }).fill(sessionId);
  await form.getByRole("button", { name: "Continue ▶" }).click();
  await expect(page).toHaveURL(new RegExp(`/play/${sessionId}$`));
  await expectScene(page, 2, "The Barred Gate");
  await expect(page.getByTestId("session-id")).toHaveText(sessionId);
  await expect(page.getByTestId("party-panel")).toContainText(partyName);

  // Forgetting it empties the list again.
  await openTitleScreen(page);
  await page.getByRole("button", { name: `Forget ${partyName} (${sessionId})` }).click();
  await expect(page.getByTestId("recent-sessions")).toHaveCount(0);
  await expect(page.getByText("Games you play in this browser will appear here.")).toBeVisible();
});

test("an unknown session id shows the not-found panel", async ({ page }, testInfo) => {
  await openTitleScreen(page);
  const form = page.getByTestId("continue-form");
  await waitForHydration(form);

  // A malformed id is caught by the form itself.
  await form.getByLabel("Session id", { exact: true }).fill("no such save!");
  await form.getByRole("button", { name: "Continue ▶" }).click();
  await expect(form.getByText("Session ids use only letters, digits, - and _ (up to 128).")).toBeVisible();
  await expect(page).toHaveURL(/\/$/);

  // A well-formed id nobody saved under.
  const unknownId = uniqueSessionId(testInfo, "missing");
  await form.getByLabel("Session id", { exact: true }).fill(unknownId);
  await form.getByRole("button", { name: "Continue ▶" }).click();
  await expect(page).toHaveURL(new RegExp(`/play/${unknownId}$`));
  const notFound = page.getByTestId("session-not-found");
  await expect(notFound).toBeVisible();
  await expect(notFound.getByRole("heading", { level: 1 })).toHaveText("No such save");
  await expect(notFound).toContainText(unknownId);
  await notFound.getByRole("link", { name: "Back to the title screen" }).click();
  await expect(page.getByTestId("new-game-form")).toBeVisible();
});
