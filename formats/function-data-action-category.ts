/**
 * Genesys treats a data action whose category contains "function data action" (any case, `-`/`_` for
 * spaces) as a function data action, which needs function code. Pure: config checks an integration name
 * (it becomes the category) and the data action construct checks its category.
 */
export function isFunctionDataActionCategory(category: string): boolean {
  return category.toLowerCase().replace(/[_-]/g, ' ').includes('function data action');
}
