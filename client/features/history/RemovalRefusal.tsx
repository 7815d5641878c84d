// A refused removal, said where the bin was clicked.
import type { Removal } from './use-removal';

export function RemovalRefusal({ removal }: { removal: Removal }) {
  if (!removal.refusal) return null;
  return (
    <p className="error removal-refusal" role="alert" data-refusal={removal.refusal.code}>
      {removal.refusal.text}
    </p>
  );
}
