// A field's problem, shown under it and named by the field's aria-describedby.
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="form-error field-error">
      {message}
    </p>
  );
}
