import "server-only";
import { hash, verify } from "@node-rs/argon2";

// Argon2id with the library's defaults (OWASP-recommended memory and time costs).

export async function hashPassword({ password }: { password: string }): Promise<string> {
  return hash(password);
}

export async function verifyPassword({ password, passwordHash }: { password: string; passwordHash: string }): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

// Spent on unknown emails too, so sign-in takes as long whether or not the account exists.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck({ password }: { password: string }): Promise<void> {
  dummyHash ??= hash("taleshard-timing-equalizer");
  await verifyPassword({ password, passwordHash: await dummyHash });
}
