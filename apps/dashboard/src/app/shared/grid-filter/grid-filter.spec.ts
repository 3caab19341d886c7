import { categoriesOf, filterColumns, skillCategoryOf } from './grid-filter';

const columns = [
  { id: 'pcs', category: 'technical' as const },
  { id: 'hipaa', category: 'regulatory' as const },
  { id: 'cms', category: 'regulatory' as const },
  { id: 'detail', category: 'soft' as const },
];
const gaps = new Set(['pcs', 'cms']);
const hasGap = (id: string) => gaps.has(id);

describe('filterColumns', () => {
  it('keeps every column without a filter', () => {
    expect(filterColumns(columns, hasGap, { category: null, onlyGaps: false })).toEqual(columns);
  });

  it('keeps the columns of one category, in order', () => {
    expect(
      filterColumns(columns, hasGap, { category: 'regulatory', onlyGaps: false }).map((c) => c.id),
    ).toEqual(['hipaa', 'cms']);
  });

  it('keeps only columns with a gap, and both filters together', () => {
    expect(
      filterColumns(columns, hasGap, { category: null, onlyGaps: true }).map((c) => c.id),
    ).toEqual(['pcs', 'cms']);
    expect(
      filterColumns(columns, hasGap, { category: 'regulatory', onlyGaps: true }).map((c) => c.id),
    ).toEqual(['cms']);
    expect(filterColumns(columns, hasGap, { category: 'soft', onlyGaps: true })).toEqual([]);
  });

  it('keeps columns without a category (credential types) only when no category is chosen', () => {
    const types = [{ id: 'ccs' }, { id: 'cpc' }];
    expect(filterColumns(types, (id) => id === 'cpc', { category: null, onlyGaps: true })).toEqual([
      { id: 'cpc' },
    ]);
    expect(filterColumns(types, () => true, { category: 'technical', onlyGaps: false })).toEqual(
      [],
    );
  });
});

describe('categoriesOf and skillCategoryOf', () => {
  it("lists the columns' categories in the catalogue's order", () => {
    expect(categoriesOf([columns[3], columns[1], columns[0]])).toEqual([
      'technical',
      'regulatory',
      'soft',
    ]);
    expect(categoriesOf([columns[1]])).toEqual(['regulatory']);
  });

  it('reads a category from the address and ignores anything else', () => {
    expect(skillCategoryOf('soft')).toBe('soft');
    expect(skillCategoryOf('Soft')).toBeNull();
    expect(skillCategoryOf(null)).toBeNull();
  });
});
