import { SKILL_CATEGORIES, type SkillCategory } from '@him/contracts';

/** What a grid's columns are narrowed to: one skill category, and only columns with a gap. */
export interface GridFilter {
  /** null: every category */
  category: SkillCategory | null;
  onlyGaps: boolean;
}

export const NO_GRID_FILTER: GridFilter = { category: null, onlyGaps: false };

const SKILL_CATEGORY_LABELS: Readonly<Record<SkillCategory, string>> = {
  technical: 'Technical',
  regulatory: 'Regulatory',
  soft: 'Soft skills',
};

export function skillCategoryLabel(category: SkillCategory): string {
  return SKILL_CATEGORY_LABELS[category] ?? category;
}

/** A category from the address (`?category=`), or null for anything that is not one. */
export function skillCategoryOf(value: string | null | undefined): SkillCategory | null {
  return (SKILL_CATEGORIES as readonly string[]).includes(value ?? '')
    ? (value as SkillCategory)
    : null;
}

/** The categories the columns have, in the catalogue's order, for the category select. */
export function categoriesOf(columns: readonly { category?: SkillCategory }[]): SkillCategory[] {
  const present = new Set(columns.map((column) => column.category));
  return SKILL_CATEGORIES.filter((category) => present.has(category));
}

/**
 * The columns the filter keeps, in their order: of the chosen category (columns without a
 * category, such as credential types, only when none is chosen), and with `onlyGaps` only
 * those where some row has a gap.
 */
export function filterColumns<T extends { id: string; category?: SkillCategory }>(
  columns: readonly T[],
  hasGap: (columnId: string) => boolean,
  filter: GridFilter,
): T[] {
  return columns.filter(
    (column) =>
      (filter.category === null || column.category === filter.category) &&
      (!filter.onlyGaps || hasGap(column.id)),
  );
}
