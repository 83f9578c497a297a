"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ChatMessage } from "@/lib/chat/contract";
import type { CreateStoryRequest, PhaseRequest, Story, StoryCard, UpdateCardRequest } from "@/lib/story/contract";
import { api } from "./api-client";
import { chatKeys, storyKeys } from "./query-keys";

/** The player's Life Story interviews, most recent first. */
export function useStories() {
  return useQuery({ queryKey: storyKeys.all, queryFn: ({ signal }) => api.stories(signal) });
}

export function useStory(storyId: string) {
  return useQuery({ queryKey: storyKeys.detail(storyId), queryFn: ({ signal }) => api.story(storyId, signal) });
}

export function useCreateStory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (story: CreateStoryRequest) => api.createStory(story),
    onSuccess: (story) => {
      queryClient.setQueryData(storyKeys.detail(story.id), story);
      void queryClient.invalidateQueries({ queryKey: storyKeys.all, exact: true });
    },
  });
}

export function useDeleteStory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (storyId: string) => api.deleteStory(storyId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storyKeys.all, exact: true }),
  });
}

/** Next chapter, a jump, or the age range; the event the change adds shows in the conversation. */
export function useChangePhase(storyId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ story: Story; event: ChatMessage | null }, Error, PhaseRequest>({
    mutationFn: (change) => api.changePhase(storyId, change),
    onSuccess: ({ story }) => {
      queryClient.setQueryData(storyKeys.detail(storyId), story);
      void queryClient.invalidateQueries({ queryKey: chatKeys.history("story", storyId) });
    },
  });
}

export function useSynthesize(storyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.synthesize(storyId),
    onSuccess: ({ story, cards }) => {
      queryClient.setQueryData(storyKeys.detail(storyId), story);
      queryClient.setQueryData(storyKeys.cards(storyId), { cards });
    },
  });
}

export function useCards(storyId: string) {
  return useQuery({ queryKey: storyKeys.cards(storyId), queryFn: ({ signal }) => api.cards(storyId, signal) });
}

/** Card changes (edit, lock, delete, restore): the answer replaces the card in the cached sheet. */
export function useCardChange(storyId: string) {
  const queryClient = useQueryClient();
  const replace = (card: StoryCard) =>
    queryClient.setQueryData<{ cards: StoryCard[] }>(storyKeys.cards(storyId), (old) => (old ? { cards: old.cards.map((each) => (each.id === card.id ? card : each)) } : old));
  return {
    update: useMutation({ mutationFn: ({ cardId, change }: { cardId: string; change: UpdateCardRequest }) => api.updateCard(storyId, cardId, change), onSuccess: replace }),
    remove: useMutation({ mutationFn: (cardId: string) => api.deleteCard(storyId, cardId), onSuccess: replace }),
    restore: useMutation({ mutationFn: (cardId: string) => api.restoreCard(storyId, cardId), onSuccess: replace }),
    regenerate: useMutation({ mutationFn: () => api.regenerateCards(storyId), onSuccess: (result) => queryClient.setQueryData(storyKeys.cards(storyId), result) }),
  };
}
