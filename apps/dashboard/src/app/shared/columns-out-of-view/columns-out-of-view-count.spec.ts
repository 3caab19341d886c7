import { columnsOutOfView, columnsOutOfViewText } from './columns-out-of-view-count';

const SKILLS = { one: 'skill', other: 'skills' };
/** five 100 px columns side by side, starting at x */
const columnsFrom = (x: number) =>
  Array.from({ length: 5 }, (_, index) => ({
    left: x + index * 100,
    right: x + index * 100 + 100,
  }));

describe('columnsOutOfView', () => {
  it('counts the columns whose right edge is past the visible right edge, a partly shown one too', () => {
    expect(columnsOutOfView(columnsFrom(150), { left: 150, right: 400 })).toEqual({
      left: 0,
      right: 3,
      total: 5,
    });
  });

  it('counts the columns scrolled under the sticky row header on the left', () => {
    // scrolled by 220 px: the first two are gone, the third is half under the row header
    expect(columnsOutOfView(columnsFrom(-70), { left: 150, right: 430 })).toEqual({
      left: 3,
      right: 0,
      total: 5,
    });
  });

  it('does not count a column shown whole because of sub-pixel layout', () => {
    expect(columnsOutOfView([{ left: 149.7, right: 400.4 }], { left: 150, right: 400 })).toEqual({
      left: 0,
      right: 0,
      total: 1,
    });
  });
});

describe('columnsOutOfViewText', () => {
  it('says how many more are to the right, in the noun of the table', () => {
    expect(columnsOutOfViewText({ left: 0, right: 5, total: 8 }, SKILLS)).toBe(
      '5 more skills to the right',
    );
    expect(columnsOutOfViewText({ left: 0, right: 1, total: 8 }, SKILLS)).toBe(
      '1 more skill to the right',
    );
  });

  it('names both sides once scrolled into the middle, and the left alone at the end', () => {
    expect(columnsOutOfViewText({ left: 2, right: 3, total: 8 }, SKILLS)).toBe(
      '2 skills to the left, 3 more to the right',
    );
    expect(columnsOutOfViewText({ left: 1, right: 0, total: 8 }, SKILLS)).toBe(
      '1 skill out of view to the left',
    );
  });

  it('says all are in view when none is hidden, and nothing without columns', () => {
    expect(columnsOutOfViewText({ left: 0, right: 0, total: 4 }, SKILLS)).toBe(
      'All 4 skills in view',
    );
    expect(columnsOutOfViewText({ left: 0, right: 0, total: 1 }, SKILLS)).toBe(
      'The one skill is in view',
    );
    expect(columnsOutOfViewText({ left: 0, right: 0, total: 0 }, SKILLS)).toBe('');
  });
});
