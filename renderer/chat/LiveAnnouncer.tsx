// Announces newly arrived messages to screen readers. A separate region, because the message
// list itself also grows when older pages load, which must not be read out.
export function LiveAnnouncer({ text }: { text: string }) {
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
