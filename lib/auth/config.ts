import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { logAuthError } from "./auth-log";
import { emailSchema } from "./password-rules";
import { oauthProviders } from "./providers";
import type { Role } from "./roles";
import { authSecret } from "./secret";
import { adoptGuestData } from "./guest-adoption";
import { endAllSessions } from "./session-generation";
import { readSessionClaims, sessionMaxAgeSeconds, SESSION_RENEW_AFTER_SECONDS } from "./session-token";
import { authenticateCredentials, createGuestUser, type AccountUser } from "./users";

declare module "next-auth" {
  interface User {
    role?: Role;
    isGuest?: boolean;
    sessionGeneration?: number;
  }
  interface Session {
    user: { id: string; role: Role; isGuest: boolean; email?: string | null; name?: string | null };
  }
}

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(256) });

const toAuthUser = (user: AccountUser): User => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  isGuest: user.isGuest,
  sessionGeneration: user.sessionGeneration,
});

// Lazy: the Prisma client may first have to open (and migrate) the embedded database.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => ({
  adapter: PrismaAdapter(await getPrisma()),
  // JWT sessions: API calls verify the cookie without a database round trip (revocation is a
  // cached generation check, session-generation.ts). Sliding: renewed at most once a day.
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds(), updateAge: SESSION_RENEW_AFTER_SECONDS },
  secret: authSecret(),
  trustHost: true,
  pages: { signIn: "/signin", error: "/signin" },
  logger: { error: logAuthError },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await authenticateCredentials(parsed.data);
        if (!user) return null;
        const previous = await readSessionClaims({ headers: request.headers });
        if (previous?.isGuest) await adoptGuestData({ guestUserId: previous.userId, userId: user.id });
        return toAuthUser(user);
      },
    }),
    // Every visitor starts as a guest (see proxy.ts): play first, sign up later.
    Credentials({ id: "guest", name: "Guest", credentials: {}, authorize: async () => toAuthUser(await createGuestUser()) }),
    ...oauthProviders(),
  ],
  events: {
    // Signing out ends every session of the user, so a copied or stolen cookie stops working too.
    async signOut(message) {
      const userId = "token" in message ? message.token?.sub : undefined;
      if (userId) await endAllSessions({ userId });
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role ?? "player";
        token.isGuest = user.isGuest ?? false;
        // OAuth users come from the adapter as stored rows, which carry the column too.
        token.gen = user.sessionGeneration ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub!;
      session.user.role = (token.role as Role | undefined) ?? "player";
      session.user.isGuest = token.isGuest === true;
      return session;
    },
  },
}));
