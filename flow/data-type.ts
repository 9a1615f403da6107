/** Architect data types the flow language can declare, assign and compare. */
export type DataType = 'string' | 'integer' | 'decimal' | 'boolean';

export const DATA_TYPES: readonly DataType[] = ['string', 'integer', 'decimal', 'boolean'];
