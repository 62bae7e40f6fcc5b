import { parseCheckInList } from './check-in-list';

describe('CHECK (... IN ...) lists', () => {
  it('reads the values of a list CHECK as pg_get_constraintdef prints it', () => {
    expect(
      parseCheckInList(
        "CHECK (((agency)::text = ANY ((ARRAY['S&P'::character varying, 'Moody''s'::character varying, 'Fitch'::character varying])::text[])))",
      ),
    ).toEqual(['S&P', "Moody's", 'Fitch']);
    expect(parseCheckInList("CHECK ((code = ANY (ARRAY['a, b'::text, 'c]'::text])))")).toEqual([
      'a, b',
      'c]',
    ]);
  });

  it('leaves every other CHECK to the database', () => {
    expect(parseCheckInList('CHECK ((low_price > (0)::numeric))')).toBeUndefined();
    expect(
      parseCheckInList(
        "CHECK ((((action_type)::text <> 'STOCK_SPLIT'::text) OR (ratio IS NOT NULL)))",
      ),
    ).toBeUndefined();
    expect(parseCheckInList("CHECK ((quarter_label ~ '^[0-9]{4}Q[1-4]$'::text))")).toBeUndefined();
  });
});
