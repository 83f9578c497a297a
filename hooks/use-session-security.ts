"use client";

import { useMutation } from "@tanstack/react-query";
import { api } from "./api-client";

/** "Sign out everywhere else": every other browser and device holding this account's session is signed out. */
export function useSignOutElsewhere() {
  return useMutation({ mutationFn: () => api.signOutElsewhere() });
}

/** Changes the password; every other session ends, this one stays (its cookie is re-issued). */
export function useChangePassword() {
  return useMutation({ mutationFn: (change: { currentPassword: string; newPassword: string }) => api.changePassword({ current_password: change.currentPassword, new_password: change.newPassword }) });
}
