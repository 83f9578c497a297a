import type { Metadata } from "next";
import { NewStoryForm } from "@/components/story/new-story-form";
import { StoryList } from "@/components/story/story-list";

export const metadata: Metadata = { title: "Life Story" };

export default function StoriesPage() {
  return (
    <>
      <h1>Your Life Story</h1>
      <p className="designer-intro">Your own life as a deck of game cards: an interviewer asks, you remember, and the story is gathered into cards you can edit, lock and print.</p>
      <div className="title-grid">
        <NewStoryForm />
        <StoryList />
      </div>
    </>
  );
}
