"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { describeError } from "@/hooks/api-client";
import { useChangePhase, useStory, useSynthesize } from "@/hooks/use-stories";
import { AGE_RANGE_LABELS, AGE_RANGES, PHASE_LABELS, type Story, type StoryPhase } from "@/lib/story/contract";
import { canJumpTo, isChapter } from "@/lib/story/phases";
import { StatusPanel } from "../status-panel";

const ChatPanel = dynamic(() => import("../chat/chat-panel").then((module) => module.ChatPanel), {
  ssr: false,
  loading: () => <section className="panel gm-panel" aria-busy="true" aria-label="Interviewer (loading)" />,
});

const INTERVIEWER = {
  title: "Interview",
  speaker: "Interviewer",
  placeholder: "Your answer, in your own words (Enter to send)",
  inputLabel: "Answer the interviewer",
  emptyText: "The interviewer is getting ready…",
  suggestions: [],
};

/** The chapters of this life, in order: where the interview is, and a way to jump to any of them. */
function Timeline({ story, onJump, busy }: { story: Story; onJump: (phase: StoryPhase) => void; busy: boolean }) {
  const shown = story.phases.filter((phase) => phase !== "greeting" && phase !== "age_range");
  return (
    <nav aria-label="Chapters of the interview" className="story-timeline" data-testid="story-timeline">
      <ol>
        {shown.map((phase) => {
          const current = phase === story.phase;
          const jumpable = !current && canJumpTo({ phases: story.phases, current: story.phase, target: phase });
          return (
            <li key={phase} data-current={current || undefined}>
              {jumpable ? (
                <button type="button" className="timeline-step" disabled={busy} onClick={() => onJump(phase)} data-testid={`jump-${phase}`}>
                  {PHASE_LABELS[phase]}
                </button>
              ) : (
                <span className="timeline-step" aria-current={current ? "step" : undefined}>
                  {PHASE_LABELS[phase]}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function Themes({ story }: { story: Story }) {
  if (!story.themes.length) return null;
  const covered = story.themes.filter((theme) => theme.covered).length;
  return (
    <section className="panel" aria-labelledby="themes-title" data-testid="story-themes">
      <h2 id="themes-title" className="panel-title">
        Focus themes
      </h2>
      <p className="field-hint">
        {covered} of {story.themes.length} touched so far.
      </p>
      <ul className="theme-chips">
        {story.themes.map((theme) => (
          <li key={theme.theme} className="theme-chip" data-covered={theme.covered} data-testid="story-theme">
            {theme.covered ? "✓ " : ""}
            {theme.label}
            <span className="visually-hidden">{theme.covered ? " (touched)" : " (not yet)"}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A Life Story interview: the timeline, the conversation, and the controls of the current phase. */
export function Interview({ storyId }: { storyId: string }) {
  const router = useRouter();
  const story = useStory(storyId);
  const phase = useChangePhase(storyId);
  const synthesize = useSynthesize(storyId);

  if (story.isPending) return <StatusPanel glyph=">_" title="Opening the interview…" role="status" testId="story-loading" />;
  if (story.isError) {
    return (
      <StatusPanel glyph="?" title="No such interview" testId="story-not-found" actions={<Link href="/story" className="btn btn-primary">Your interviews</Link>}>
        <p>{describeError(story.error)}</p>
      </StatusPanel>
    );
  }
  const current = story.data;
  const busy = phase.isPending || synthesize.isPending;
  const finish = () => synthesize.mutate(undefined, { onSuccess: () => router.push(`/story/${storyId}/cards`) });

  const controls = (
    <div className="story-controls">
      {current.phase === "age_range" && (
        <div className="btn-row" role="group" aria-label="Your age range">
          {AGE_RANGES.map((range) => (
            <button key={range} type="button" className="btn btn-small" disabled={busy} onClick={() => phase.mutate({ age_range: range })} data-testid={`age-${range}`}>
              {AGE_RANGE_LABELS[range]}
            </button>
          ))}
        </div>
      )}
      {isChapter(current.phase) && current.phase !== "present" && (
        <button type="button" className="btn btn-teal" disabled={busy} onClick={() => phase.mutate({ action: "next" })} data-testid="next-chapter">
          Next chapter ▶
        </button>
      )}
      {(current.phase === "present" || current.phase === "synthesis") && (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={finish} data-testid="finish-story">
          {synthesize.isPending ? "Gathering your story…" : current.phase === "synthesis" ? "Gather my cards again" : "Finish: make my cards ▶"}
        </button>
      )}
      {current.phase === "synthesis" && (
        <Link href={`/story/${storyId}/cards`} className="btn" data-testid="see-cards">
          See my cards
        </Link>
      )}
      {(phase.isError || synthesize.isError) && (
        <p className="form-alert" role="alert">
          {describeError(phase.error ?? synthesize.error)}
        </p>
      )}
    </div>
  );

  return (
    <div className="story-layout">
      <div className="story-main">
        <h1 className="story-heading" tabIndex={-1}>
          {current.title ?? "Your Life Story"} <span className="story-phase">· {PHASE_LABELS[current.phase]}</span>
        </h1>
        <Timeline story={current} busy={busy} onJump={(target) => phase.mutate({ jump_to: target })} />
        <ChatPanel mode="story" sessionId={storyId} voice={INTERVIEWER} footer={controls} answerEvents />
      </div>
      <aside className="story-side" aria-label="Themes">
        <Themes story={current} />
      </aside>
    </div>
  );
}
