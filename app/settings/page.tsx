import type { Metadata } from "next";
import { headers } from "next/headers";
import { AccountDetails, GuestAccount } from "@/components/account/account-details";
import { ApiTokens } from "@/components/account/api-tokens";
import { SessionSecurity } from "@/components/account/session-security";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Settings" };

/** This site's address as the browser sees it, for the copy-paste curl example. */
async function siteOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const protocol = list.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  return `${protocol}://${host}`;
}

export default async function SettingsPage() {
  const user = await getCurrentUser();
  return (
    <div className="settings">
      <h1>Settings</h1>
      {!user || user.isGuest ? (
        <GuestAccount />
      ) : (
        <>
          <AccountDetails user={user} />
          <SessionSecurity hasPassword={user.hasPassword} />
          <ApiTokens origin={await siteOrigin()} />
        </>
      )}
    </div>
  );
}
