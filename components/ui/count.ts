/** "1,000": counts in every message, whatever the browser's locale, as the rest of the text is English. */
export const count = (n: number): string => n.toLocaleString("en-US");
