/** A person's initials for an avatar that has no picture: "Olivia Owner" is "OO", "Cher" is "C", "" is "?". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  // Array.from: a letter outside the BMP ("𝓐") is one character, not half a surrogate pair
  const first = (word: string | undefined) => (word ? Array.from(word)[0] : "");
  const initials = `${first(words[0])}${words.length > 1 ? first(words.at(-1)) : ""}`;
  return initials.toLocaleUpperCase() || "?";
}
