// The party builder on the title screen: name checks, and adding and removing the fourth hero.
import { expect, test } from "@playwright/test";
import { openTitleScreen } from "./support/game";

test("the party builder checks names and holds three or four heroes", async ({ page }) => {
  await openTitleScreen(page);
  const form = page.getByTestId("new-game-form");
  const heroNames = form.getByLabel(/^Hero \d name$/);
  await expect(heroNames).toHaveCount(3);
  await expect(form.getByRole("button", { name: /^Remove hero/ })).toHaveCount(0);

  await form.getByRole("button", { name: "+ Add a fourth hero" }).click();
  await expect(heroNames).toHaveCount(4);
  await expect(form.getByLabel("Hero 4 class", { exact: true })).toHaveValue("Cleric");
  await expect(form.getByRole("button", { name: "+ Add a fourth hero" })).toHaveCount(0);

  // A blank hero name is flagged once the field is left.
  const hero2 = form.getByLabel("Hero 2 name", { exact: true });
  await hero2.fill("   ");
  await hero2.press("Tab");
  await expect(hero2).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Give your hero a name.")).toBeVisible();

  // Submitting without a party name keeps the player on the title screen, focused on the first problem,
  // even when the click itself is what leaves the empty field (its error must not push the button away).
  const partyName = form.getByLabel("Party name", { exact: true });
  await partyName.focus();
  await form.getByRole("button", { name: "Begin the tale ▶" }).click();
  await expect(partyName).toBeFocused();
  await expect(partyName).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Give your party a name.")).toBeVisible();
  await expect(page).toHaveURL(/\/$/);

  await form.getByRole("button", { name: "Remove hero 4" }).click();
  await expect(heroNames).toHaveCount(3);
  await expect(form.getByRole("button", { name: "+ Add a fourth hero" })).toBeVisible();
});
