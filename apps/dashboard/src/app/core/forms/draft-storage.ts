/**
 * Where form drafts live in sessionStorage: `him.draft.<userId>.<formId>`. Kept free of
 * Angular dependencies so AuthService can forget a user's drafts on logout without a cycle
 * (FormDrafts itself depends on AuthService).
 */
export const DRAFT_KEY_PREFIX = 'him.draft.';

export function draftKey(userId: string, formId: string): string {
  return `${DRAFT_KEY_PREFIX}${userId}.${formId}`;
}

/** Removes every draft of one user (explicit logout: nothing typed should outlive it). */
export function removeDraftsOf(userId: string): void {
  try {
    const prefix = `${DRAFT_KEY_PREFIX}${userId}.`;
    const keys: string[] = [];
    for (let index = 0; index < sessionStorage.length; index++) {
      const key = sessionStorage.key(index);
      if (key?.startsWith(prefix)) {
        keys.push(key);
      }
    }
    keys.forEach((key) => sessionStorage.removeItem(key));
  } catch {
    // Storage unavailable: there are no drafts to remove either.
  }
}
