"use client";

import { useCallback, useSyncExternalStore } from "react";

export type RecentSession = {
  sessionId: string;
  partyName: string;
  sceneIndex: number;
  /** epoch milliseconds */
  lastPlayed: number;
};

const STORAGE_KEY = "taleshard:recent-sessions";
const MAX_RECENT = 8;
const CHANGE_EVENT = "taleshard:recent-sessions-changed";
const EMPTY: RecentSession[] = [];

// useSyncExternalStore needs a stable snapshot: re-parse only when the raw string changes.
let cachedRaw: string | null = null;
let cachedList: RecentSession[] = EMPTY;

function isRecentSession(value: unknown): value is RecentSession {
  const v = value as RecentSession;
  return typeof v?.sessionId === "string" && typeof v.partyName === "string" && typeof v.sceneIndex === "number" && typeof v.lastPlayed === "number";
}

function readRecent(): RecentSession[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return EMPTY; // storage disabled (privacy mode)
  }
  if (raw === cachedRaw) return cachedList;
  cachedRaw = raw;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    cachedList = Array.isArray(parsed) ? parsed.filter(isRecentSession) : EMPTY;
  } catch {
    cachedList = EMPTY;
  }
  return cachedList;
}

function writeRecent(list: RecentSession[]) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
    window.dispatchEvent(new Event(CHANGE_EVENT));
  } catch {
    // Recent sessions are a convenience; a full or disabled storage just means no list.
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange); // other tabs
  window.addEventListener(CHANGE_EVENT, onChange); // this tab
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** Records a session as just played (newest first, de-duplicated, capped). */
export function rememberSession(entry: Omit<RecentSession, "lastPlayed">) {
  const others = readRecent().filter((s) => s.sessionId !== entry.sessionId);
  writeRecent([{ ...entry, lastPlayed: Date.now() }, ...others].slice(0, MAX_RECENT));
}

/** The sessions this browser played recently, newest first; empty during server rendering. */
export function useRecentSessions() {
  const sessions = useSyncExternalStore(subscribe, readRecent, () => EMPTY);
  const forget = useCallback((sessionId: string) => {
    writeRecent(readRecent().filter((s) => s.sessionId !== sessionId));
  }, []);
  return { sessions, forget };
}
