"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { describeError } from "@/hooks/api-client";
import { useCreateStory } from "@/hooks/use-stories";
import { AGE_RANGE_LABELS, AGE_RANGES, THEME_PRESETS, THEMES_MAX, themeLabel, type AgeRange } from "@/lib/story/contract";
import { TextField } from "../text-field";

/** Starts an interview: an optional age range and focus themes (presets and the person's own). */
export function NewStoryForm() {
  const router = useRouter();
  const create = useCreateStory();
  const [ageRange, setAgeRange] = useState<AgeRange | "">("");
  const [themes, setThemes] = useState<string[]>([]);
  const [custom, setCustom] = useState("");
  const [customError, setCustomError] = useState<string | null>(null);

  const toggle = (theme: string) => setThemes((chosen) => (chosen.includes(theme) ? chosen.filter((each) => each !== theme) : [...chosen, theme]));

  function addCustom() {
    const theme = custom.trim().toLowerCase().replace(/\s+/g, "_");
    if (!theme) return setCustomError("Type a theme first, e.g. music.");
    if (theme.length > 40) return setCustomError("Keep a theme to 40 characters or fewer.");
    if (themes.includes(theme)) return setCustomError("That theme is already chosen.");
    if (themes.length >= THEMES_MAX) return setCustomError(`Choose at most ${THEMES_MAX} themes.`);
    setThemes([...themes, theme]);
    setCustom("");
    setCustomError(null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ ...(ageRange ? { age_range: ageRange } : {}), themes }, { onSuccess: (story) => router.push(`/story/${story.id}`) });
  }

  const customs = themes.filter((theme) => !(THEME_PRESETS as readonly string[]).includes(theme));
  return (
    <form className="panel form-stack" noValidate onSubmit={onSubmit} aria-labelledby="new-story-title" data-testid="new-story-form">
      <h2 id="new-story-title" className="panel-title">
        Start an interview
      </h2>
      <p>A warm interviewer walks you through the chapters of your life, one question at a time, then turns it into a deck of printable cards.</p>
      <div className="field">
        <label htmlFor="story-age">Your age range (you can also say it in the interview)</label>
        <select id="story-age" className="input select" value={ageRange} onChange={(event) => setAgeRange(event.target.value as AgeRange | "")}>
          <option value="">Tell the interviewer later</option>
          {AGE_RANGES.map((range) => (
            <option key={range} value={range}>
              {AGE_RANGE_LABELS[range]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="theme-picker">
        <legend>Focus themes (optional)</legend>
        <div className="theme-chips">
          {THEME_PRESETS.map((theme) => (
            <button key={theme} type="button" className="theme-chip" aria-pressed={themes.includes(theme)} onClick={() => toggle(theme)}>
              {themeLabel(theme)}
            </button>
          ))}
          {customs.map((theme) => (
            <button key={theme} type="button" className="theme-chip" aria-pressed onClick={() => toggle(theme)}>
              {themeLabel(theme)}
            </button>
          ))}
        </div>
        <div className="theme-custom">
          <TextField id="story-custom-theme" label="Your own theme" placeholder="music" value={custom} error={customError} onChange={(event) => setCustom(event.target.value)} />
          <button type="button" className="btn btn-small" onClick={addCustom}>
            Add theme
          </button>
        </div>
      </fieldset>
      <div className="btn-row">
        <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="start-story">
          {create.isPending ? "Starting…" : "Begin the interview ▶"}
        </button>
      </div>
      {create.isError && (
        <p className="form-alert" role="alert">
          Couldn&apos;t start the interview: {describeError(create.error)}
        </p>
      )}
    </form>
  );
}
