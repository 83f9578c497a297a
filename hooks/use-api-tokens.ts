"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiToken } from "./api-client";
import { accountKeys } from "./query-keys";

type TokenList = { tokens: ApiToken[] };

/** The signed-in account's API tokens (never their secrets). */
export function useApiTokens() {
  return useQuery({
    queryKey: accountKeys.tokens,
    queryFn: ({ signal }) => api.tokens(signal),
  });
}

/** Creates a token; the answer holds the secret, which the list never does, so only the caller sees it. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.createToken(name),
    onSuccess: ({ id, name, prefix, created_at }) => {
      const listed: ApiToken = { id, name, prefix, created_at, last_used_at: null };
      queryClient.setQueryData<TokenList>(accountKeys.tokens, (old) => (old ? { tokens: [listed, ...old.tokens] } : old));
    },
  });
}

/** Revokes a token and drops it from the cached list. */
export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => api.revokeToken(tokenId),
    onSuccess: (_result, tokenId) => {
      queryClient.setQueryData<TokenList>(accountKeys.tokens, (old) =>
        old ? { tokens: old.tokens.filter((token) => token.id !== tokenId) } : old,
      );
    },
  });
}
