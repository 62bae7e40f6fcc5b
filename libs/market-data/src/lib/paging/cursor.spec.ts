import fc from 'fast-check';
import { decodeCursor, decodeCursorKey, encodeCursor } from './cursor';

const SCOPE = 'ticks|SEC-0001|asc|2025-03-01T00:00:00|2025-03-31T23:59:59.999999';

describe('opaque cursors', () => {
  it('give back the key they were made from', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (scope, key) => {
        expect(decodeCursor(scope, encodeCursor(scope, key))).toBe(key);
      }),
    );
  });

  it('are URL-safe without escaping', () => {
    const cursor = encodeCursor(SCOPE, '2025-03-03T09:30:00');
    expect(encodeURIComponent(cursor)).toBe(cursor);
  });

  it('refuse a cursor made for another query', () => {
    const cursor = encodeCursor(SCOPE, '2025-03-03T09:30:00');
    expect(() => decodeCursor(SCOPE.replace('SEC-0001', 'SEC-0002'), cursor)).toThrow(
      'cursor belongs to another query: keep every other parameter as it was on the first page',
    );
  });

  it.each([
    ['not base64url', 'abc$%'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['JSON of another shape', Buffer.from('{"k":1}').toString('base64url')],
    ['another version', Buffer.from('{"v":2,"q":"x","k":"y"}').toString('base64url')],
    ['JSON null', Buffer.from('null').toString('base64url')],
    ['far too long', 'a'.repeat(600)],
  ])('refuse a cursor that is %s', (_, cursor) => {
    expect(() => decodeCursor(SCOPE, cursor)).toThrow(
      'cursor is malformed: pass the cursor of a Link header as it is',
    );
  });

  it('refuse a cursor cut short or with a changed character', () => {
    const cursor = encodeCursor(SCOPE, '2025-03-03T09:30:00');
    expect(() => decodeCursor(SCOPE, cursor.slice(0, -3))).toThrow(/^cursor /);
    const tampered = `${cursor.slice(0, 10)}${cursor[10] === 'A' ? 'B' : 'A'}${cursor.slice(11)}`;
    expect(() => decodeCursor(SCOPE, tampered)).toThrow(/^cursor /);
  });

  it('read back their key in its own type, a key of another type being malformed', () => {
    const cursor = encodeCursor(SCOPE, '42');
    expect(
      decodeCursorKey(SCOPE, cursor, (key) => (/^\d+$/.test(key) ? Number(key) : undefined)),
    ).toBe(42);
    expect(() => decodeCursorKey(SCOPE, cursor, () => undefined)).toThrow(
      'cursor is malformed: pass the cursor of a Link header as it is',
    );
  });
});
