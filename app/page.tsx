import { SceneArt } from "@/components/scene-art";
import { StoryList } from "@/components/story/story-list";
import { ContinuePanel } from "@/components/title/continue-panel";
import { NewGameForm } from "@/components/title/new-game-form";

const TITLE_BACKDROP = { location: "Emberpeak", time_of_day: "dusk", weather: "embers" } as const;

export default function TitlePage() {
  return (
    <>
      <section className="title-hero art-frame" aria-labelledby="game-title">
        <SceneArt scene={TITLE_BACKDROP} className="title-art" />
        <div className="title-hero-text">
          <h1 id="game-title">Taleshard</h1>
          <p className="tagline">A star fell on Emberpeak. Eleven scenes to seal it, claim it, or fall trying.</p>
        </div>
      </section>
      <div className="title-grid">
        <NewGameForm />
        <ContinuePanel />
      </div>
      <div className="title-stories">
        <StoryList compact />
      </div>
    </>
  );
}
