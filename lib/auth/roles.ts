// Roles and what they may do. Kept free of server-only imports so the UI can use it too.
export const ROLES = ["player", "designer", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { player: 0, designer: 1, admin: 2 };

/** Admins can do everything designers can. */
export function hasRole({ role, atLeast }: { role: Role; atLeast: Role }): boolean {
  return RANK[role] >= RANK[atLeast];
}
