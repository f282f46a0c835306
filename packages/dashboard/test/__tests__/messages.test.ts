import { MESSAGE_GROUPS } from '../../src/messages';

/** Screens add their words as groups; a key in two groups would silently show one screen the other's text. */
describe('the dashboard dictionaries', () => {
  it('define each key in one group only, with Bengali text for every English one', () => {
    const seen = new Map<string, number>();
    MESSAGE_GROUPS.forEach((group, index) => {
      for (const key of Object.keys(group.en)) {
        expect({ key, alsoIn: seen.get(key) }).toEqual({ key, alsoIn: undefined });
        seen.set(key, index);
        expect((group.bn as Record<string, string>)[key]?.trim()).toBeTruthy();
      }
    });
    expect(seen.size).toBeGreaterThan(50);
  });
});
