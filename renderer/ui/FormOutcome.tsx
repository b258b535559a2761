// Under a settings card's form: what went wrong (announced at once) or what was saved.
export function FormOutcome({ error, saved }: { error: string | null; saved: string | null }) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="settings-card__result" role="status">
        {saved}
      </p>
    </>
  );
}
