import localFont from "next/font/local";

// Offline build: the woff2 files come from the @fontsource packages instead of Google Fonts.

/** Chunky pixel face for headings, labels and buttons. */
export const pixelFont = localFont({
  src: "../node_modules/@fontsource/press-start-2p/files/press-start-2p-latin-400-normal.woff2",
  weight: "400",
  display: "swap",
  variable: "--font-pixel",
  fallback: ["ui-monospace", "monospace"],
});

/** Terminal face for body text: readable at large sizes, so long narration stays comfortable. */
export const terminalFont = localFont({
  src: "../node_modules/@fontsource/vt323/files/vt323-latin-400-normal.woff2",
  weight: "400",
  display: "swap",
  variable: "--font-terminal",
  fallback: ["ui-monospace", "monospace"],
});
