// `npm run user:role -- <email> <player|designer|admin>`: sets an account's role.
// Uses DATABASE_URL, or the embedded database when it is unset (stop `npm run dev` first).
import { ROLES, type Role } from "@/lib/auth/roles";
import { setUserRole } from "@/lib/auth/users";
import { getDatabase } from "@/lib/db/client";

async function main(): Promise<number> {
  const [email, role] = process.argv.slice(2);
  if (!email || !role || !ROLES.includes(role as Role)) {
    console.error(`usage: npm run user:role -- <email> <${ROLES.join("|")}>`);
    return 2;
  }
  const user = await setUserRole({ email, role: role as Role });
  if (!user) {
    console.error(`No account with the email ${email} (guests have no email: sign up first).`);
    return 1;
  }
  console.log(`${user.email} is now ${user.role}.`);
  await (await getDatabase()).close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
