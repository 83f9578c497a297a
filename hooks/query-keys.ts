// Every query key lives here so invalidation and optimistic updates always agree.
export const gameKeys = {
  all: ["game"] as const,
  detail: (sessionId: string) => ["game", sessionId] as const,
  history: (sessionId: string) => ["game", sessionId, "history"] as const,
};

/** One conversation (the game master of a party, or a Life Story interview): pages of history, newest first. */
export const chatKeys = {
  history: (mode: "game" | "story", sessionId: string) => ["chat", mode, sessionId, "history"] as const,
};

export const storyKeys = {
  all: ["stories"] as const,
  detail: (storyId: string) => ["stories", storyId] as const,
  cards: (storyId: string) => ["stories", storyId, "cards"] as const,
};

export const accountKeys = {
  tokens: ["account", "tokens"] as const,
};

/** Mutation scope: saves of one session run one after another, each with the version the previous one got. */
export const saveScope = (sessionId: string) => `save:${sessionId}`;
