// The staff reply box with quick replies: the shared composer, with the picker working on its
// text. Its own component, so typing re-renders the composer alone, not the conversation.
import type { ComponentProps } from 'react';
import { Composer } from '../chat/Composer';
import { useQuickReplyAssist } from './useQuickReplyAssist';

type QuickReplyComposerProps = Omit<ComponentProps<typeof Composer>, 'assist'> & { conversationId: number };

export function QuickReplyComposer({ conversationId, ...composer }: QuickReplyComposerProps) {
  const assist = useQuickReplyAssist(conversationId);
  return <Composer {...composer} assist={assist} />;
}
