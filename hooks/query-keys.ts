// Every query key lives here so invalidation and optimistic updates always agree.
export const gameKeys = {
  all: ["game"] as const,
  detail: (sessionId: string) => ["game", sessionId] as const,
  history: (sessionId: string) => ["game", sessionId, "history"] as const,
};

/** One conversation with the game master of a session (pages of history, newest page first). */
export const chatKeys = {
  history: (sessionId: string) => ["chat", sessionId, "history"] as const,
};

export const accountKeys = {
  tokens: ["account", "tokens"] as const,
};

/** Mutation scope: saves of one session run one after another, each with the version the previous one got. */
export const saveScope = (sessionId: string) => `save:${sessionId}`;
