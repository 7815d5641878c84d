// Stand-ins for the StarterKit extensions the minutes' editor turns off (client/editor/
// extensions.ts: `link: false`, `codeBlock: false`, …). StarterKit imports every extension
// whether it is on or not, and the link extension brings linkifyjs: together some 15 kB of
// compressed JavaScript on every first load for nothing. vite.config.ts resolves those
// packages here for the client build only. Turning one of them on in the editor fails at
// once, loudly, on the first editor made: remove its alias in vite.config.ts then.
function turnedOff(name: string) {
  return {
    configure(): never {
      throw new Error(`The ${name} extension is not in the client build: remove its alias in vite.config.ts to turn it on.`);
    },
  };
}

export const Blockquote = turnedOff('blockquote');
export const Code = turnedOff('code');
export const CodeBlock = turnedOff('codeBlock');
export const HorizontalRule = turnedOff('horizontalRule');
export const Link = turnedOff('link');
export const Strike = turnedOff('strike');
export const Underline = turnedOff('underline');
// From @tiptap/extensions (./tiptap-extensions.ts keeps its drop and gap cursors): Yjs keeps
// the history, and no trailing paragraph is written by opening a cell.
export const UndoRedo = turnedOff('undoRedo');
export const TrailingNode = turnedOff('trailingNode');

/** The packages resolved here, for vite.config.ts. */
export const TURNED_OFF_PACKAGES = [
  '@tiptap/extension-blockquote',
  '@tiptap/extension-code',
  '@tiptap/extension-code-block',
  '@tiptap/extension-horizontal-rule',
  '@tiptap/extension-link',
  '@tiptap/extension-strike',
  '@tiptap/extension-underline',
];

/** @tiptap/extensions, resolved to ./tiptap-extensions.ts (its other extensions are on). */
export const PARTLY_TURNED_OFF_PACKAGE = '@tiptap/extensions';
