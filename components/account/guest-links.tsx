"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { callbackPathFrom, withCallbackUrl } from "./callback-url";

/** "Sign up" / "Sign in" for a guest, coming back to the page they were on. */
export function GuestLinks() {
  const callbackUrl = callbackPathFrom(usePathname());
  return (
    <>
      <li>
        <Link href={withCallbackUrl("/signup", callbackUrl)} className="btn btn-small btn-primary" data-testid="nav-signup">
          Sign up
        </Link>
      </li>
      <li>
        <Link href={withCallbackUrl("/signin", callbackUrl)} data-testid="nav-signin">
          Sign in
        </Link>
      </li>
    </>
  );
}
