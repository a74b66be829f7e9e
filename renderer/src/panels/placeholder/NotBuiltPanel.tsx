/** A section that exists in the plan but not yet in the app: say so, and offer nothing that does nothing. */
export function NotBuiltPanel({ title, what }: { title: string; what: string }) {
  return (
    <section className="panel-content not-built" aria-labelledby="not-built-title">
      <h1 id="not-built-title">{title}</h1>
      <p>{what} is not built yet. It will arrive in a later version of Atelier.</p>
      <p>Until then, Chat, Models, Queue and Settings are ready to use.</p>
    </section>
  );
}
