"use client";

import Link from "next/link";
import { describeError } from "@/hooks/api-client";
import { useStories } from "@/hooks/use-stories";
import { AGE_RANGE_LABELS, PHASE_LABELS } from "@/lib/story/contract";
import { timeAgo } from "../relative-time";

/** The player's interviews: where each stands, with a way back in (and to its cards once made). */
export function StoryList({ compact = false }: { compact?: boolean }) {
  const stories = useStories();
  return (
    <section className="panel" aria-labelledby="stories-title" data-testid="story-list">
      <h2 id="stories-title" className="panel-title">
        Your Life Stories
      </h2>
      {stories.isPending && <p role="status">Loading…</p>}
      {stories.isError && <p className="form-alert">{describeError(stories.error)}</p>}
      {stories.data?.stories.length === 0 && <p>No interviews yet. {compact ? <Link href="/story">Start one</Link> : "Start one: it takes as long as you like."}</p>}
      <ul className="story-list">
        {stories.data?.stories.map((story) => (
          <li key={story.id}>
            <Link href={story.phase === "synthesis" ? `/story/${story.id}/cards` : `/story/${story.id}`} data-testid="story-link">
              {story.title ?? "Untitled interview"}
            </Link>
            <span className="story-meta">
              {PHASE_LABELS[story.phase]}
              {story.age_range ? ` · ${AGE_RANGE_LABELS[story.age_range]}` : ""} · {timeAgo(story.updated_at)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
