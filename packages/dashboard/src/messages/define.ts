/**
 * One screen's words in every language: the English text defines the keys, and the Bengali must have each
 * of them (the compiler refuses a missing one). Keys are prefixed by screen so screens never collide.
 */
export function defineMessages<const English extends Record<string, string>>(
  en: English,
  bn: Record<keyof English, string>,
): { en: English; bn: Record<keyof English, string> } {
  return { en, bn };
}
