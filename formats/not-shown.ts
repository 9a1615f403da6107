/** What an error shows instead of a value that may hold a secret (a PIN, a credential). */
export const NOT_SHOWN = '(not shown)';
