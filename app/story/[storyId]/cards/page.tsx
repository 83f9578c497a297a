import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CardSheet } from "@/components/story/card-sheet";
import { storyParamsSchema } from "@/lib/story/contract";

export const metadata: Metadata = { title: "Life Story cards" };

export default async function CardsPage({ params }: PageProps<"/story/[storyId]/cards">) {
  const parsed = storyParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  return <CardSheet storyId={parsed.data.storyId} />;
}
