"use client";

import Link from "next/link";
import { useState } from "react";
import { describeError } from "@/hooks/api-client";
import { useCardChange, useCards, useStory } from "@/hooks/use-stories";
import { CARD_TEXT_MAX, CARDS_MAX, PHASE_LABELS, themeLabel, type StoryCard } from "@/lib/story/contract";
import { StatusPanel } from "../status-panel";

function CardEditor({ card, onSave, onCancel, saving }: { card: StoryCard; onSave: (change: { title: string; text: string }) => void; onCancel: () => void; saving: boolean }) {
  const [title, setTitle] = useState(card.title);
  const [text, setText] = useState(card.text);
  const words = title.trim().split(/\s+/).filter(Boolean).length;
  const titleProblem = words < 2 || words > 5 ? "Use 2–5 words for the title." : null;
  const textProblem = !text.trim() ? "Write something on the card." : text.length > CARD_TEXT_MAX ? `Keep it to ${CARD_TEXT_MAX} characters (now ${text.length}).` : null;
  return (
    <form
      className="card-edit"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!titleProblem && !textProblem) onSave({ title: title.trim(), text: text.trim() });
      }}
    >
      <label htmlFor={`title-${card.id}`}>Title</label>
      <input id={`title-${card.id}`} className="input" value={title} aria-invalid={titleProblem ? true : undefined} onChange={(event) => setTitle(event.target.value)} data-testid="card-title-input" />
      {titleProblem && <p className="field-error">{titleProblem}</p>}
      <label htmlFor={`text-${card.id}`}>Text</label>
      <textarea id={`text-${card.id}`} className="input" rows={5} value={text} aria-invalid={textProblem ? true : undefined} onChange={(event) => setText(event.target.value)} data-testid="card-text-input" />
      <p className={textProblem ? "field-error" : "field-hint"}>{textProblem ?? `${text.length}/${CARD_TEXT_MAX}`}</p>
      <div className="btn-row">
        <button type="submit" className="btn btn-small btn-teal" disabled={saving} data-testid="card-save">
          Save
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Card({ storyId, card }: { storyId: string; card: StoryCard }) {
  const change = useCardChange(storyId);
  const [editing, setEditing] = useState(false);
  if (card.deleted) {
    return (
      <li className="story-card story-card-deleted no-print" data-testid="story-card-deleted">
        <p>
          “{card.title}” was deleted.{" "}
          <button type="button" className="btn btn-small" onClick={() => change.restore.mutate(card.id)} data-testid="card-restore">
            Restore
          </button>
        </p>
        {change.restore.isError && <p className="form-alert">{describeError(change.restore.error)}</p>}
      </li>
    );
  }
  return (
    <li className="story-card" data-locked={card.locked} data-testid="story-card">
      <div className="story-card-art" aria-hidden="true" />
      {editing ? (
        <CardEditor
          card={card}
          saving={change.update.isPending}
          onCancel={() => setEditing(false)}
          onSave={(edit) => change.update.mutate({ cardId: card.id, change: edit }, { onSuccess: () => setEditing(false) })}
        />
      ) : (
        <>
          <h3 className="story-card-title">
            {card.locked && (
              <span className="story-card-lock" role="img" aria-label="Locked">
                🔒
              </span>
            )}
            {card.title}
          </h3>
          <p className="story-card-text">{card.text}</p>
          <p className="story-card-tags">
            {PHASE_LABELS[card.phase]} · {themeLabel(card.theme)}
          </p>
        </>
      )}
      {!editing && (
        <div className="btn-row no-print">
          <button type="button" className="btn btn-small" onClick={() => setEditing(true)} disabled={card.locked} data-testid="card-edit">
            Edit
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={card.locked}
            onClick={() => change.update.mutate({ cardId: card.id, change: { locked: !card.locked } })}
            data-testid="card-lock"
          >
            {card.locked ? "Unlock" : "Lock"}
          </button>
          <button type="button" className="btn btn-small" onClick={() => change.remove.mutate(card.id)} disabled={card.locked} data-testid="card-delete">
            Delete
          </button>
        </div>
      )}
      {(change.update.isError || change.remove.isError) && <p className="form-alert no-print">{describeError(change.update.error ?? change.remove.error)}</p>}
    </li>
  );
}

/** The story as a deck: the synthesis, then the cards (editable, lockable, printable). */
export function CardSheet({ storyId }: { storyId: string }) {
  const story = useStory(storyId);
  const cards = useCards(storyId);
  const change = useCardChange(storyId);
  if (story.isPending || cards.isPending) return <StatusPanel glyph=">_" title="Laying out your cards…" role="status" testId="cards-loading" />;
  if (story.isError || cards.isError) {
    return (
      <StatusPanel glyph="?" title="No such story" testId="cards-not-found" actions={<Link href="/story" className="btn btn-primary">Your interviews</Link>}>
        <p>{describeError(story.error ?? cards.error)}</p>
      </StatusPanel>
    );
  }
  const synthesis = story.data.synthesis;
  const live = cards.data.cards.filter((card) => !card.deleted).length;
  return (
    <div className="card-sheet-page">
      <div className="btn-row no-print card-sheet-actions">
        <Link href={`/story/${storyId}`} className="btn btn-small">
          ◀ Back to the interview
        </Link>
        <button type="button" className="btn btn-small" onClick={() => change.regenerate.mutate()} disabled={change.regenerate.isPending} data-testid="cards-regenerate">
          {change.regenerate.isPending ? "Writing new cards…" : "New cards (locked ones stay)"}
        </button>
        <button type="button" className="btn btn-small btn-primary" onClick={() => window.print()} data-testid="cards-print">
          Print
        </button>
      </div>
      {change.regenerate.isError && <p className="form-alert no-print">{describeError(change.regenerate.error)}</p>}
      <header className="card-sheet-header no-print">
        <h1 tabIndex={-1}>{synthesis?.title ?? story.data.title ?? "Your Life Story"}</h1>
        {synthesis && <p className="story-essence">{synthesis.essence}</p>}
      </header>
      {synthesis && (
        <div className="story-synthesis no-print">
          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="panel-title">
              Timeline
            </h2>
            <ol className="story-timeline-list">
              {synthesis.timeline.map((entry, index) => (
                <li key={index}>
                  <strong>{entry.chapter}</strong> <span className="story-meta">{entry.era}</span>
                  <p>{entry.summary}</p>
                </li>
              ))}
            </ol>
          </section>
          <section className="panel" aria-labelledby="moments-title">
            <h2 id="moments-title" className="panel-title">
              Key moments
            </h2>
            <ul className="story-moments">
              {synthesis.key_moments.map((moment, index) => (
                <li key={index}>
                  {moment.moment} <span className="story-meta">({moment.when})</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
      <h2 className="no-print">
        Your cards <span className="story-meta">({live} of at most {CARDS_MAX})</span>
      </h2>
      <ol className="card-sheet" data-testid="card-sheet">
        {cards.data.cards.map((card) => (
          <Card key={card.id} storyId={storyId} card={card} />
        ))}
      </ol>
    </div>
  );
}
