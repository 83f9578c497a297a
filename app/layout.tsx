import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { pixelFont, terminalFont } from "./fonts";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Taleshard", template: "%s · Taleshard" },
  description: "A retro pixel party adventure in eleven scenes.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  themeColor: "#0b0a16",
  colorScheme: "dark",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en" className={`${pixelFont.variable} ${terminalFont.variable}`}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand" aria-label="Taleshard home">
            <span className="brand-gem" aria-hidden="true" />
            Taleshard
          </Link>
          <nav aria-label="Main">
            <ul className="site-nav">
              <li>
                <Link href="/">Play</Link>
              </li>
              <li>
                <Link href="/story">Life Story</Link>
              </li>
              {user && hasRole({ role: user.role, atLeast: "designer" }) && (
                <li>
                  <Link href="/designer">Designer</Link>
                </li>
              )}
            </ul>
          </nav>
          <AccountNav user={user} />
        </header>
        <Providers>
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </Providers>
        <footer className="site-footer">
          <p>Taleshard · eleven scenes, one party, no second chances (except the rewind button).</p>
        </footer>
      </body>
    </html>
  );
}
