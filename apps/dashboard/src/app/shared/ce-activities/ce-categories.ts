import type { CeRule } from '@him/contracts';
import { ceCategoryLabel, ceMinimumAmountInWords } from '@him/domain';

export interface RuleCategory {
  slug: string;
  label: string;
  /** which body's minimum it counts towards: "AHIMA: at least 80% of required hours" */
  countsFor: string;
}

/** The categories the department's CE rules name in their minimums (R14), in rule order. */
export function ruleCategories(rules: readonly CeRule[]): RuleCategory[] {
  const categories = new Map<string, RuleCategory>();
  for (const rule of [...rules].sort((a, b) => a.issuingBody.localeCompare(b.issuingBody))) {
    for (const minimum of rule.minimums) {
      const countsFor = `${rule.issuingBody}: ${ceMinimumAmountInWords(minimum)}`;
      for (const slug of minimum.categories) {
        const known = categories.get(slug);
        categories.set(slug, {
          slug,
          label: ceCategoryLabel(slug),
          countsFor: known ? `${known.countsFor}; ${countsFor}` : countsFor,
        });
      }
    }
  }
  return [...categories.values()];
}

/** API.md: categories are slugs of a-z, 0-9 and -. "Coding Update!" → "coding-update". */
export function toCategorySlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
