// Accounts: unique users per test, signing up and in through the forms (as a player does) or
// through the API (when a test only needs to be someone), the header's account corner, and API
// tokens made on /settings.
import { expect, type APIResponse, type Page, type TestInfo } from "@playwright/test";
import { ensureSession, sendAsPage } from "./api";
import { waitForHydration } from "./game";
import { adminEmailFor } from "./servers";

/** Long enough, varied enough and not on the common-password list. */
export const PASSWORD = "lantern passage 42!";

export type Credentials = { email: string; password: string };
export type NewAccount = Credentials & { name?: string };

const randomTag = () => Math.random().toString(36).slice(2, 7);

/** An email no other test, project or run uses. */
export function uniqueEmail(testInfo: TestInfo, label = "player", tag = randomTag()): string {
  return `${label}-${testInfo.project.name}-${testInfo.workerIndex}-${Date.now().toString(36)}-${tag}@e2e.test`;
}

/** A fresh account's credentials, and a display name (shown in the header) that ends in the same tag. */
export function newAccount(testInfo: TestInfo, label = "player"): Required<NewAccount> {
  const tag = randomTag();
  return { email: uniqueEmail(testInfo, label, tag), password: PASSWORD, name: `${label[0]!.toUpperCase()}${label.slice(1)} ${tag}` };
}

// --- through the API ---

/** POST /api/v1/account/signup as the page's user: its guest becomes the account (not yet signed in as it). */
export async function signUpViaApi(page: Page, account: NewAccount): Promise<APIResponse> {
  return sendAsPage(page, "POST", "/api/v1/account/signup", account);
}

/** Auth.js's credentials sign-in the way its client does it: a CSRF token, then the callback. */
export async function signInViaApi(page: Page, { email, password }: Credentials): Promise<void> {
  const origin = await ensureSession(page);
  const csrf = await page.request.get(`${origin}/api/auth/csrf`);
  expect(csrf.status(), "GET /api/auth/csrf").toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post(`${origin}/api/auth/callback/credentials`, {
    form: { email, password, csrfToken, callbackUrl: `${origin}/` },
    headers: { origin },
    maxRedirects: 0,
  });
  expect(response.status(), `sign in as ${email}: ${await response.text()}`).toBe(302);
  expect(response.headers().location, `sign in as ${email}`).not.toContain("error=");
}

/** Signs the page's browser in to `account`, creating it first unless it exists (a 409). */
export async function signUpOrSignIn(page: Page, account: NewAccount): Promise<void> {
  const signUp = await signUpViaApi(page, account);
  expect([201, 409], `sign up ${account.email}: ${await signUp.text()}`).toContain(signUp.status());
  await signInViaApi(page, account);
}

/** Signs in as this project's admin (listed in the main server's ADMIN_EMAILS), signing up on first use. */
export async function signInAsAdmin(page: Page, testInfo: TestInfo): Promise<void> {
  await signUpOrSignIn(page, { email: adminEmailFor(testInfo.project.name), password: PASSWORD });
}

/** A new account with the player role, signed in on the page's browser. */
export async function signInAsNewPlayer(page: Page, testInfo: TestInfo, label = "player"): Promise<Required<NewAccount>> {
  const account = newAccount(testInfo, label);
  const signUp = await signUpViaApi(page, account);
  expect(signUp.status(), `sign up ${account.email}: ${await signUp.text()}`).toBe(201);
  await signInViaApi(page, account);
  return account;
}

// --- through the forms ---

/** Fills and submits the sign-up form on the page (/signup must be open). */
export async function submitSignUpForm(page: Page, { email, password, name }: NewAccount): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keep your party: create an account");
  const form = page.getByTestId("signup-form");
  await waitForHydration(form);
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill(password);
  if (name) await form.getByLabel("Name (optional)", { exact: true }).fill(name);
  await form.getByTestId("signup-submit").click();
}

/** Fills and submits the sign-in form on the page (/signin must be open). */
export async function submitSignInForm(page: Page, { email, password }: Credentials): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Return to your party");
  const form = page.getByTestId("signin-form");
  await waitForHydration(form);
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByTestId("signin-submit").click();
}

// --- the header ---

/** The header's account corner names a guest, with the ways in. */
export async function expectGuestInHeader(page: Page): Promise<void> {
  const nav = page.getByTestId("account-nav");
  await expect(nav.getByTestId("account-name")).toHaveText("Guest");
  await expect(nav.getByTestId("nav-signup")).toBeVisible();
  await expect(nav.getByTestId("nav-signin")).toBeVisible();
  await expect(nav.getByTestId("sign-out")).toHaveCount(0);
}

/** The header's account corner names the signed-in account, with settings and the way out. */
export async function expectAccountInHeader(page: Page, name: string): Promise<void> {
  const nav = page.getByTestId("account-nav");
  await expect(nav.getByTestId("account-name")).toHaveText(name);
  await expect(nav.getByTestId("nav-settings")).toBeVisible();
  await expect(nav.getByTestId("sign-out")).toBeVisible();
  await expect(nav.getByTestId("nav-signup")).toHaveCount(0);
}

/** Signs out with the header's button; a fresh guest takes over on the title screen. */
export async function signOutFromHeader(page: Page): Promise<void> {
  const signOut = page.getByTestId("account-nav").getByTestId("sign-out");
  await waitForHydration(signOut);
  await signOut.click();
  await expect(page).toHaveURL(/\/$/);
  await expectGuestInHeader(page);
}

// --- API tokens on /settings ---

/** Creates an API token on /settings and returns its secret, shown there once. */
export async function createTokenOnSettings(page: Page, name: string): Promise<string> {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  const panel = page.getByTestId("api-tokens");
  const form = panel.getByTestId("create-token-form");
  await waitForHydration(form);
  await form.getByLabel("Token name", { exact: true }).fill(name);
  await form.getByTestId("create-token").click();
  const value = panel.getByTestId("new-token-value");
  await expect(value).toHaveText(/^tsk_[\w-]{32}$/);
  await expect(panel.getByTestId("token-list")).toContainText(name);
  return (await value.textContent())!.trim();
}

/** Revokes the token called `name` on /settings (asking for confirmation as the page does). */
export async function revokeTokenOnSettings(page: Page, name: string): Promise<void> {
  await page.goto("/settings");
  const list = page.getByTestId("api-tokens").getByTestId("token-list");
  const item = list.getByRole("listitem").filter({ hasText: name });
  await expect(item).toHaveCount(1);
  const revoke = item.getByTestId("revoke-token");
  await waitForHydration(revoke);
  await revoke.click();
  await item.getByTestId("confirm-revoke").click();
  await expect(page.getByTestId("api-tokens").getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
}
