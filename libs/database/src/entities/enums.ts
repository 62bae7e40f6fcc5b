// The schema's coded values live in @securities/vocabulary so contracts and clients share them.
export * from '@securities/vocabulary';
