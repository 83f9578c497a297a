"use client";

import Link from "next/link";
import { useEffect } from "react";
import { StatusPanel } from "@/components/status-panel";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <StatusPanel
      glyph="!"
      title="The shard flickered"
      role="alert"
      testId="error-page"
      actions={
        <>
          <button type="button" className="btn btn-primary" onClick={() => retry()}>
            Try again
          </button>
          <Link href="/" className="btn">
            Title screen
          </Link>
        </>
      }
    >
      <p>Something went wrong while drawing this page. Your saved games are safe.</p>
    </StatusPanel>
  );
}
