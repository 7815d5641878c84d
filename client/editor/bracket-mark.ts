// Text under discussion, bracketed as in intergovernmental drafting. In the record it is a
// mark named `bracket` (shared/record/brackets.ts counts the runs); on screen it reads
// [ like this ], for everyone, whatever their language.
import { Mark, mergeAttributes } from '@tiptap/core';
import { BRACKET_MARK } from '../../shared/record/brackets';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    bracket: {
      toggleBracket: () => ReturnType;
    };
  }
}

export const Bracket = Mark.create({
  name: BRACKET_MARK,
  // Typing just after a bracketed run continues outside it: brackets are put on on purpose.
  inclusive: false,
  parseHTML() {
    return [{ tag: 'span[data-bracket]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-bracket': '', class: 'bracket' }), 0];
  },
  addCommands() {
    return {
      toggleBracket:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },
});
