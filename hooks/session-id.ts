const ID_LENGTH = 10;

/** `prefix` + "-" + 10 random base36 characters, e.g. "shard-k3x9q0a1zp". */
export function newSessionId(prefix: "shard" | "sandbox"): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_LENGTH));
  // byte % 36 leans very slightly toward 0–3; irrelevant for a save slot name.
  const suffix = Array.from(bytes, (byte) => (byte % 36).toString(36)).join("");
  return `${prefix}-${suffix}`;
}
