/** A horizontal extent on screen, in CSS pixels. */
export interface Extent {
  left: number;
  right: number;
}

export interface ColumnsOutOfViewCount {
  /** columns scrolled away (wholly or partly) under the sticky row headers */
  left: number;
  /** columns not yet (wholly) shown on the right */
  right: number;
  total: number;
}

/** What a column is called, one and several: `{ one: 'skill', other: 'skills' }`. */
export interface ColumnNoun {
  one: string;
  other: string;
}

/** Half a pixel either way: sub-pixel layout must not make a shown column count as hidden. */
const TOLERANCE = 0.5;

/**
 * How many columns are not wholly in view, and on which side. A column counts as out of view
 * when any part of it is outside the visible extent; one partly shown on the right still needs
 * a scroll to be read, so it is "to the right".
 */
export function columnsOutOfView(
  columns: readonly Extent[],
  visible: Extent,
): ColumnsOutOfViewCount {
  let left = 0;
  let right = 0;
  for (const column of columns) {
    if (column.right > visible.right + TOLERANCE) {
      right += 1;
    } else if (column.left < visible.left - TOLERANCE) {
      left += 1;
    }
  }
  return { left, right, total: columns.length };
}

function counted(count: number, noun: ColumnNoun): string {
  return `${count} ${count === 1 ? noun.one : noun.other}`;
}

/**
 * The count in words: "5 more skills to the right", "2 skills to the left, 5 more to the
 * right", "All 12 skills in view"; '' when there are no columns.
 */
export function columnsOutOfViewText(count: ColumnsOutOfViewCount, noun: ColumnNoun): string {
  if (count.total === 0) {
    return '';
  }
  if (count.left === 0 && count.right === 0) {
    return count.total === 1
      ? `The one ${noun.one} is in view`
      : `All ${counted(count.total, noun)} in view`;
  }
  if (count.left === 0) {
    return `${count.right} more ${count.right === 1 ? noun.one : noun.other} to the right`;
  }
  if (count.right === 0) {
    return `${counted(count.left, noun)} out of view to the left`;
  }
  return `${counted(count.left, noun)} to the left, ${count.right} more to the right`;
}
