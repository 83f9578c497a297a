import "server-only";
import { getPrisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords";
import type { Role } from "./roles";

export type AccountUser = { id: string; email: string | null; name: string | null; role: Role; isGuest: boolean; sessionGeneration: number };

const ACCOUNT_COLUMNS = { id: true, email: true, name: true, role: true, isGuest: true, sessionGeneration: true } as const;

export async function createGuestUser(): Promise<AccountUser> {
  const prisma = await getPrisma();
  return prisma.user.create({ data: { isGuest: true, name: "Guest" }, select: ACCOUNT_COLUMNS });
}

export async function findAccountUser(input: { userId: string; withPasswordFlag?: false }): Promise<AccountUser | null>;
export async function findAccountUser(input: { userId: string; withPasswordFlag: true }): Promise<(AccountUser & { hasPassword: boolean }) | null>;
/** The account of a user id; with `withPasswordFlag`, also whether it has a password (OAuth-only accounts have none). */
export async function findAccountUser({ userId, withPasswordFlag = false }: { userId: string; withPasswordFlag?: boolean }) {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { ...ACCOUNT_COLUMNS, passwordHash: withPasswordFlag } });
  if (!user) return null;
  const { passwordHash, ...account } = user;
  return withPasswordFlag ? { ...account, hasPassword: passwordHash !== null } : account;
}

/**
 * Creates an account. A guest signing up is upgraded in place, so every party, chat and
 * image it made stays its own. The conflict error is deliberately vague (no enumeration).
 */
export async function registerAccount({
  email,
  password,
  name,
  guestUserId,
}: {
  email: string;
  password: string;
  name?: string;
  guestUserId?: string;
}): Promise<AccountUser> {
  const prisma = await getPrisma();
  const data = {
    email,
    name: name ?? email.slice(0, email.indexOf("@")),
    passwordHash: await hashPassword({ password }),
    isGuest: false,
    ...(env.ADMIN_EMAILS.includes(email) ? { role: "admin" as const } : {}),
  };
  try {
    if (guestUserId) {
      const upgraded = await prisma.user.updateManyAndReturn({ where: { id: guestUserId, isGuest: true }, data, select: ACCOUNT_COLUMNS });
      if (upgraded[0]) return upgraded[0];
    }
    return await prisma.user.create({ data, select: ACCOUNT_COLUMNS });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError("account");
    throw error;
  }
}

/** The account for an email and password, or null; as slow for unknown emails as for wrong passwords. */
export async function authenticateCredentials({ email, password }: { email: string; password: string }): Promise<AccountUser | null> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { email }, select: { ...ACCOUNT_COLUMNS, passwordHash: true } });
  if (!user?.passwordHash) {
    await burnPasswordCheck({ password });
    return null;
  }
  if (!(await verifyPassword({ password, passwordHash: user.passwordHash }))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, isGuest: user.isGuest, sessionGeneration: user.sessionGeneration };
}

export async function setUserRole({ email, role }: { email: string; role: Role }): Promise<AccountUser | null> {
  const prisma = await getPrisma();
  const updated = await prisma.user.updateManyAndReturn({ where: { email: email.toLowerCase(), isGuest: false }, data: { role }, select: ACCOUNT_COLUMNS });
  return updated[0] ?? null;
}

/** Replaces an account's password after checking the current one. Ending its sessions is the caller's part. */
export async function changePassword({ userId, currentPassword, newPassword }: { userId: string; currentPassword: string; newPassword: string }): Promise<void> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash) throw new ForbiddenError("password", { message: "This account signs in through GitHub or Google and has no password to change." });
  if (!(await verifyPassword({ password: currentPassword, passwordHash: user.passwordHash }))) throw new ForbiddenError("password");
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword({ password: newPassword }) } });
}
