import type { ErrorBody, ErrorCode } from "@/lib/api/contract";
import type { Account, ApiTokenSummary, NewApiToken, SignupRequest } from "@/lib/auth/contract";
import type { ChatHistory, ChatMessage, ChatMode } from "@/lib/chat/contract";
import type { CreateStoryRequest, PhaseRequest, Story, StoryCard, StorySummary, UpdateCardRequest } from "@/lib/story/contract";
import type { GameState } from "@/lib/game/types";
import type { SaveHistory, SavedGame, SaveResponse, SnapshotSummary } from "@/lib/saves/contract";

// Thin fetch wrapper for the /api/v1 APIs. Every non-2xx answer becomes an ApiError. The wire
// types and error codes come from the shared contracts in lib/ (type-only imports).

export type { Account, NewApiToken, SaveHistory, SavedGame };
export type SaveResult = SaveResponse;
export type Snapshot = SnapshotSummary;
export type ApiToken = ApiTokenSummary;
export type SignUp = SignupRequest;

/** Rate limits are counted per minute: wait that long when a 429 forgets its Retry-After. */
export const DEFAULT_RATE_LIMIT_WAIT = 60;

/** The server's error codes, plus `network` (no answer at all) and `http:<status>` (an answer not in our shape). */
export type ClientErrorCode = ErrorCode | "network" | `http:${number}`;

/** Status 0 marks a request that never got an answer (offline, DNS, aborted). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
    /** seconds, from the Retry-After header of a 429/503 */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get isNotFound() {
    return this.status === 404;
  }

  get isConflict() {
    return this.status === 409;
  }
}

/** Worth retrying: the network failed or the server did (5xx). Client errors are final. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** Seconds to wait when `error` is a rate limit (429), otherwise null. */
export function rateLimitWait(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status !== 429) return null;
  return error.retryAfter ?? DEFAULT_RATE_LIMIT_WAIT;
}

/** A player-facing sentence for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return "Can't reach the server. Check your connection.";
    if (error.status === 429) {
      return error.retryAfter ? `Too many requests. Try again in ${error.retryAfter}s.` : "Too many requests. Try again shortly.";
    }
    return error.message;
  }
  return error instanceof Error ? error.message : "Something went wrong.";
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  const error = body?.error;
  return new ApiError(
    response.status,
    error?.code ?? `http:${response.status}`,
    error?.message ?? (response.statusText || `Request failed (${response.status})`),
    error?.details,
    parseRetryAfter(response.headers.get("Retry-After")),
  );
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: "application/json", ...(init?.body ? { "Content-Type": "application/json" } : {}) },
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network", "Network request failed", cause);
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

const sessionPath = (sessionId: string) => encodeURIComponent(sessionId);

export const api = {
  load: (sessionId: string, signal?: AbortSignal) =>
    request<SavedGame>(`/api/v1/load/${sessionPath(sessionId)}`, { signal }),

  save: (sessionId: string, state: GameState, expectedVersion?: number) =>
    request<SaveResult>("/api/v1/save", {
      method: "POST",
      body: JSON.stringify({ session_id: sessionId, state, expected_version: expectedVersion }),
    }),

  history: (sessionId: string, signal?: AbortSignal) =>
    request<SaveHistory>(`/api/v1/saves/${sessionPath(sessionId)}/history`, { signal }),

  restore: (sessionId: string, snapshotId: string) =>
    request<SavedGame>(`/api/v1/saves/${sessionPath(sessionId)}/restore`, {
      method: "POST",
      body: JSON.stringify({ snapshot_id: snapshotId }),
    }),

  signUp: (account: SignUp) =>
    request<{ user: Account }>("/api/v1/account/signup", { method: "POST", body: JSON.stringify(account) }),

  tokens: (signal?: AbortSignal) => request<{ tokens: ApiToken[] }>("/api/v1/account/tokens", { signal }),

  createToken: (name: string) =>
    request<NewApiToken>("/api/v1/account/tokens", { method: "POST", body: JSON.stringify({ name }) }),

  revokeToken: (tokenId: string) =>
    request<{ status: "revoked" }>(`/api/v1/account/tokens/${encodeURIComponent(tokenId)}`, { method: "DELETE" }),

  /** Ends every other session; the answer re-issues this browser's cookie. */
  signOutElsewhere: () => request<{ status: "signed_out_elsewhere" }>("/api/v1/account/sessions", { method: "DELETE" }),

  chatHistory: (mode: ChatMode, sessionId: string, cursor: number | undefined, signal?: AbortSignal) =>
    request<ChatHistory>(`/api/history?${new URLSearchParams({ session_id: sessionId, mode, ...(cursor ? { cursor: String(cursor) } : {}) })}`, { signal }),

  rewindChat: (mode: ChatMode, sessionId: string, messageId: string) =>
    request<{ status: "rewound"; removed: number }>("/api/chat/rewind", { method: "POST", body: JSON.stringify({ session_id: sessionId, mode, message_id: messageId }) }),

  stories: (signal?: AbortSignal) => request<{ stories: StorySummary[] }>("/api/v1/stories", { signal }),

  story: (storyId: string, signal?: AbortSignal) => request<Story>(`/api/v1/stories/${encodeURIComponent(storyId)}`, { signal }),

  createStory: (story: CreateStoryRequest) => request<Story>("/api/v1/stories", { method: "POST", body: JSON.stringify(story) }),

  deleteStory: (storyId: string) => request<{ status: "deleted" }>(`/api/v1/stories/${encodeURIComponent(storyId)}`, { method: "DELETE" }),

  changePhase: (storyId: string, change: PhaseRequest) =>
    request<{ story: Story; event: ChatMessage | null }>(`/api/v1/stories/${encodeURIComponent(storyId)}/phase`, { method: "POST", body: JSON.stringify(change) }),

  synthesize: (storyId: string) =>
    request<{ story: Story; cards: StoryCard[] }>(`/api/v1/stories/${encodeURIComponent(storyId)}/synthesis`, { method: "POST" }),

  cards: (storyId: string, signal?: AbortSignal) => request<{ cards: StoryCard[] }>(`/api/v1/stories/${encodeURIComponent(storyId)}/cards`, { signal }),

  updateCard: (storyId: string, cardId: string, change: UpdateCardRequest) =>
    request<StoryCard>(`/api/v1/stories/${encodeURIComponent(storyId)}/cards/${encodeURIComponent(cardId)}`, { method: "PUT", body: JSON.stringify(change) }),

  deleteCard: (storyId: string, cardId: string) =>
    request<StoryCard>(`/api/v1/stories/${encodeURIComponent(storyId)}/cards/${encodeURIComponent(cardId)}`, { method: "DELETE" }),

  restoreCard: (storyId: string, cardId: string) =>
    request<StoryCard>(`/api/v1/stories/${encodeURIComponent(storyId)}/cards/${encodeURIComponent(cardId)}/restore`, { method: "POST" }),

  regenerateCards: (storyId: string) =>
    request<{ cards: StoryCard[] }>(`/api/v1/stories/${encodeURIComponent(storyId)}/cards/regenerate`, { method: "POST" }),

  changePassword: (change: { current_password: string; new_password: string }) =>
    request<{ status: "changed" }>("/api/v1/account/password", { method: "PUT", body: JSON.stringify(change) }),
};

type ConflictCurrent = Pick<SavedGame, "session_id" | "state" | "version">;

/** The server's copy carried by a 409 conflict:version, if present and well-formed. */
export function conflictCurrent(error: unknown): ConflictCurrent | null {
  if (!(error instanceof ApiError) || !error.isConflict) return null;
  const current = (error.details as { current?: ConflictCurrent } | undefined)?.current;
  return current && typeof current.version === "number" && current.state ? current : null;
}
