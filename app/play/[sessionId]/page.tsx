import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlayScreen } from "@/components/play/play-screen";
import { SESSION_ID_PATTERN } from "@/lib/saves/contract";

export const metadata: Metadata = { title: "Play" };

export default async function PlayPage({ params }: PageProps<"/play/[sessionId]">) {
  const { sessionId } = await params;
  // A malformed id can never have a save: skip the round trip and show the 404 page.
  if (!SESSION_ID_PATTERN.test(sessionId)) notFound();
  return <PlayScreen sessionId={sessionId} />;
}
