import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Interview } from "@/components/story/interview";
import { storyParamsSchema } from "@/lib/story/contract";

export const metadata: Metadata = { title: "Life Story interview" };

export default async function InterviewPage({ params }: PageProps<"/story/[storyId]">) {
  const parsed = storyParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  return <Interview storyId={parsed.data.storyId} />;
}
