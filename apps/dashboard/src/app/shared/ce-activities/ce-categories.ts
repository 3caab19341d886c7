import type { CeRule } from '@him/contracts';
import { humanizeSlug } from '../format';

/** Names for the categories the default CE rules use (credentials.md); others read as their slug. */
const KNOWN_CATEGORIES: Record<string, string> = {
  'hiim-domain': 'HIIM domain',
  'ahima-provided': 'AHIMA or component association provided',
  'ctr-category-a': 'CTR Category A',
};

/** A category slug in words: `hiim-domain` → "HIIM domain". */
export function categoryLabel(slug: string): string {
  return KNOWN_CATEGORIES[slug] ?? humanizeSlug(slug);
}

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
      const amount =
        minimum.hours != null
          ? `at least ${minimum.hours} hours`
          : minimum.share != null
            ? `at least ${Math.round(minimum.share * 100)}% of required hours`
            : 'a minimum';
      for (const slug of minimum.categories) {
        const countsFor = `${rule.issuingBody}: ${amount}`;
        const known = categories.get(slug);
        categories.set(slug, {
          slug,
          label: categoryLabel(slug),
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
