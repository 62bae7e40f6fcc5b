import { copyTextField } from './copy-csv-table';

describe('COPY text format fields', () => {
  it('writes NULL as \\N and escapes what would end a field or a row', () => {
    expect(copyTextField(null)).toBe('\\N');
    expect(copyTextField('Acme, "Holdings" Inc')).toBe('Acme, "Holdings" Inc');
    expect(copyTextField('Müller\nWerke\tAG\r\\')).toBe('Müller\\nWerke\\tAG\\r\\\\');
    expect(copyTextField('\\N')).toBe('\\\\N');
  });
});
