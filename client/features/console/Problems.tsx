// What was refused, said in the reader's words: an optional sentence, then each problem.
export function Problems({ intro, problems }: { intro?: string; problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="error" role="alert">
      {intro && <p>{intro}</p>}
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
