/** API.md: lists answer at most 500 items per page; the dashboard asks for the largest page. */
export const MAX_PAGE_SIZE = 500;

/** Query parameters without the undefined and empty ones. */
export function queryParams(
  params: Record<string, string | number | undefined | null>,
): Record<string, string | number> {
  const kept: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      kept[key] = value;
    }
  }
  return kept;
}
