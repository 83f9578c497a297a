// The game master in play, with the offline storyteller (no key, no network): replies stream in,
// survive a reload, can be stopped, regenerated and edited; a master's effect moves a hero's HP;
// HTML a player types stays text. Axe scans with the panel open, at the project's width.
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousAxeViolations } from "./support/a11y";
import { expectSaved, heroHpOnScreen, makeMove, snapshotPage, startNewGame, uniquePartyName } from "./support/game";

/** Opens the panel if a narrow screen collapsed it. */
async function openPanel(page: Page) {
  const toggle = page.getByTestId("chat-toggle");
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  await expect(page.getByTestId("chat-input")).toBeVisible();
}

async function send(page: Page, text: string) {
  await page.getByTestId("chat-input").fill(text);
  await page.getByTestId("chat-send").click();
}

const lastReply = (page: Page) => page.getByTestId("chat-assistant").last();

/** Waits for the reply to finish (its Regenerate/Retry button appears). */
async function replyDone(page: Page) {
  await expect(lastReply(page).getByTestId("chat-regenerate").or(lastReply(page).getByTestId("chat-retry"))).toBeVisible({ timeout: 20_000 });
}

test("a reply streams in, stays after a reload, and can be regenerated and edited", async ({ page }, testInfo) => {
  await startNewGame(page, { partyName: uniquePartyName(testInfo, "Talkers") });
  await openPanel(page);
  await send(page, "Nim searches the tavern for anything hidden.");
  await expect(page.getByTestId("chat-user").last()).toContainText("Nim searches the tavern");

  // The reply grows while it streams: sample it and see at least two different partial lengths.
  const lengths = new Set<number>();
  const reply = lastReply(page).getByTestId("chat-text");
  for (let sample = 0; sample < 40 && (await lastReply(page).getAttribute("data-status")) !== "complete"; sample++) {
    const length = ((await reply.textContent()) ?? "").length;
    if (length > 0 && (await lastReply(page).getAttribute("data-status")) === "streaming") lengths.add(length);
    await page.waitForTimeout(60);
  }
  expect(lengths.size, `partial lengths seen: ${[...lengths].join(", ")}`).toBeGreaterThanOrEqual(2);
  await replyDone(page);
  const text = (await reply.textContent()) ?? "";
  expect(text.length).toBeGreaterThan(40);
  await snapshotPage(page, testInfo, "chat-answered");

  await page.reload();
  await openPanel(page);
  await expect(page.getByTestId("chat-user")).toHaveCount(1);
  await expect(lastReply(page).getByTestId("chat-text")).toHaveText(text);

  // Regenerate: another version of the reply, the same question.
  await lastReply(page).getByTestId("chat-regenerate").click();
  await replyDone(page);
  await expect(page.getByTestId("chat-assistant")).toHaveCount(1);
  await expect(lastReply(page).getByTestId("chat-text")).not.toHaveText(text);

  // Edit the question: it changes in place and gets a new answer.
  await page.getByTestId("chat-user").last().getByTestId("chat-edit").click();
  await page.getByTestId("chat-edit-input").fill("Tova asks the innkeeper about the star.");
  await page.getByTestId("chat-edit-save").click();
  await expect(page.getByTestId("chat-user").last()).toContainText("Tova asks the innkeeper");
  await replyDone(page);
  await expect(page.getByTestId("chat-user")).toHaveCount(1);
});

test("Stop ends a reply mid-way and keeps what was said, marked as stopped", async ({ page }, testInfo) => {
  await startNewGame(page, { partyName: uniquePartyName(testInfo, "Hushers") });
  await openPanel(page);
  await send(page, "Bram tells the whole tavern the long story of how he lost his first sword.");
  await expect(lastReply(page).getByTestId("chat-text")).not.toHaveText("");
  await page.getByTestId("chat-stop").click();
  await expect(lastReply(page)).toHaveAttribute("data-status", "interrupted");
  await expect(lastReply(page).getByTestId("chat-status")).toHaveText("Stopped: the reply so far is kept.");
  const partial = (await lastReply(page).getByTestId("chat-text").textContent()) ?? "";
  expect(partial.length).toBeGreaterThan(0);

  // The server kept the same words, stopped.
  await page.reload();
  await openPanel(page);
  await expect(lastReply(page)).toHaveAttribute("data-status", "interrupted");
  const stored = (await lastReply(page).getByTestId("chat-text").textContent()) ?? "";
  expect(stored.startsWith(partial.slice(0, Math.max(1, partial.length - 20)))).toBe(true);

  // Retry writes the whole reply.
  await lastReply(page).getByTestId("chat-retry").click();
  await replyDone(page);
  await expect(lastReply(page)).toHaveAttribute("data-status", "complete");
});

test("the game master's effect changes a hero's HP bar, and HTML a player types stays text", async ({ page }, testInfo) => {
  await startNewGame(page, { partyName: uniquePartyName(testInfo, "Menders") });
  // A brawl bruises the whole party (−3 each).
  await makeMove(page, { choice: "bar-brawl" }, "click");
  await expectSaved(page, 2);
  const [bramBefore] = await heroHpOnScreen(page);

  await openPanel(page);
  await send(page, "Tova bandages Bram's bruises.");
  await replyDone(page);
  await expect(lastReply(page).getByTestId("chat-effect")).toHaveText(/^Bram \+\d+ HP/);
  await expect.poll(async () => (await heroHpOnScreen(page))[0]).toBeGreaterThan(bramBefore!);

  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await send(page, '<img src=x onerror="alert(1)"><script>alert(2)</script> what is that?');
  await replyDone(page);
  await expect(page.getByTestId("chat-user").last()).toContainText("<img src=x onerror=");
  expect(await page.locator("[data-testid=chat-log] img, [data-testid=chat-log] script").count()).toBe(0);
  expect(dialogs).toBe(0);
  await snapshotPage(page, testInfo, "chat-effect");
});

test("the play page with the game-master panel open passes axe and fits the screen", async ({ page }, testInfo) => {
  await startNewGame(page, { partyName: uniquePartyName(testInfo, "Scanners") });
  await openPanel(page);
  await send(page, "We look around the tavern.");
  await replyDone(page);
  await expectNoSeriousAxeViolations(page, testInfo, "play-with-game-master");
  await expectNoHorizontalScroll(page);
  // On a phone the choices stay reachable: the panel sits below them, not over them.
  const firstChoice = page.getByTestId("prompt-choices").getByRole("button").first();
  await expect(firstChoice).toBeVisible();
  const [choiceBox, panelBox] = [await firstChoice.boundingBox(), await page.getByTestId("chat-panel").boundingBox()];
  expect(choiceBox!.y).toBeLessThan(panelBox!.y);
});
