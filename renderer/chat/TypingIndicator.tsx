// "Ana is typing…", announced politely. The region stays mounted so its changes are heard.
export function TypingIndicator({ name }: { name: string | null }) {
  return (
    <p className="typing-indicator" role="status" data-testid="typing-indicator">
      {name ? `${name} is typing…` : ''}
    </p>
  );
}
