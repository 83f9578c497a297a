// Sessions a player can end: "Sign out everywhere else" and a password change on /settings end
// the account's other sessions (a copied cookie included) and keep the current one.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, signInAsNewPlayer } from "./support/accounts";
import { MAIN_BASE_URL } from "./support/servers";

/** A second browser holding a copy of the page's session cookie (a stolen or forgotten one). */
async function copiedSession(browser: Browser, page: Page) {
  const context = await browser.newContext({ baseURL: MAIN_BASE_URL });
  await context.addCookies(await page.context().cookies());
  return context;
}

const accountStatus = async (context: { request: { get(url: string): Promise<{ status(): number }> } }) =>
  (await context.request.get(`${MAIN_BASE_URL}/api/v1/account`)).status();

test("'Sign out everywhere else' ends a copied session and keeps this one", async ({ browser, page }, testInfo) => {
  await signInAsNewPlayer(page, testInfo, "everywhere");
  const other = await copiedSession(browser, page);
  expect(await accountStatus(other)).toBe(200);

  await page.goto("/settings");
  await page.getByTestId("sign-out-elsewhere").click();
  await expect(page.getByTestId("signed-out-elsewhere")).toBeVisible();

  expect(await accountStatus(other)).toBe(401);
  expect(await accountStatus(page.context())).toBe(200);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  await expect(page.getByTestId("account-details")).toBeVisible();
  await other.close();
});

test("a password change ends the other sessions; the form checks the rules first", async ({ browser, page }, testInfo) => {
  await signInAsNewPlayer(page, testInfo, "rekey");
  const other = await copiedSession(browser, page);
  await page.goto("/settings");
  const form = page.getByTestId("change-password-form");

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password").fill("short");
  await form.getByTestId("change-password").click();
  await expect(form.getByText(/at least 10 characters/)).toBeVisible();
  expect(await accountStatus(other)).toBe(200); // nothing was sent

  await form.getByLabel("Current password").fill("not my password 9");
  await form.getByLabel("New password").fill("a fresh lantern 77");
  await form.getByTestId("change-password").click();
  await expect(form.getByText("The current password is wrong.")).toBeVisible();

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password").fill("a fresh lantern 77");
  await form.getByTestId("change-password").click();
  await expect(page.getByTestId("password-changed")).toBeVisible();
  expect(await accountStatus(other)).toBe(401);
  expect(await accountStatus(page.context())).toBe(200);
  await other.close();
});
