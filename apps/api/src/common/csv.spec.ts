import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS, neutraliseCsvText } from './csv';

describe('every CSV the product writes', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    [';=1', "';=1"],
    ['＝1+1', "'＝1+1"],
    ['O\'Brien, "Pat"', 'O\'Brien, "Pat"'],
    ['AHIMA', 'AHIMA'],
  ])('hole 7: neutralises %j', (text, written) => {
    expect(neutraliseCsvText(text)).toBe(written);
  });

  it('hole 7: quotes every field, so a comma or a semicolon never splits one, and neutralises every text', () => {
    const csv = stringify(
      [
        ['Name', 'Body', 'Days'],
        ['Lee; Pat', '=HYPERLINK("x")', -3],
        ['', null, 0],
      ],
      CSV_OPTIONS,
    );
    expect(csv).toBe(
      '\uFEFF"Name","Body","Days"\r\n' +
        '"Lee; Pat","\'=HYPERLINK(""x"")","-3"\r\n' +
        '"","","0"\r\n',
    );
  });
});
