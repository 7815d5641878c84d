import { Component, type ReactNode } from 'react';

/**
 * Draws a record taken from a file someone dropped: a file made by hand may hold values no
 * exported record has (a date that is not a date), and the verdict must stay on screen.
 */
export class SafeDraw extends Component<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
