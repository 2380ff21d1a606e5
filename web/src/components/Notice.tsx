/** A success message (`role="status"`, read out when it appears); nothing when empty. */
export function Notice({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <p className="alert alert--success" role="status">
      {text}
    </p>
  );
}
