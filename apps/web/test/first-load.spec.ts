import { BuiltChunk, firstLoads } from '../build/first-load';

const chunk = (
  fileName: string,
  gzipBytes: number,
  links: Partial<Pick<BuiltChunk, 'imports' | 'dynamicImports' | 'isEntry'>> = {},
): BuiltChunk => ({
  fileName,
  name: fileName.replace(/\.js$/, ''),
  isEntry: false,
  imports: [],
  dynamicImports: [],
  gzipBytes,
  ...links,
});

describe('firstLoads: what a first visit to each page downloads', () => {
  it('counts the entry, its imports, the page and its imports, each chunk once', () => {
    const loads = firstLoads([
      chunk('index.js', 5, {
        isEntry: true,
        imports: ['api.js'],
        dynamicImports: ['market-page.js', 'security-page.js'],
      }),
      chunk('api.js', 2),
      chunk('market-page.js', 100, { imports: ['echarts.js', 'api.js'] }),
      chunk('security-page.js', 10, { imports: ['charts.js'] }),
      chunk('echarts.js', 150),
      chunk('charts.js', 50, { imports: ['api.js'] }),
    ]);
    expect(loads).toEqual([
      {
        page: 'market',
        files: ['index.js', 'api.js', 'market-page.js', 'echarts.js'],
        gzipBytes: 257,
      },
      {
        page: 'security',
        files: ['index.js', 'api.js', 'security-page.js', 'charts.js'],
        gzipBytes: 67,
      },
    ]);
  });

  it('reports the whole app when nothing is loaded later', () => {
    expect(firstLoads([chunk('index.js', 7, { isEntry: true })])).toEqual([
      { page: 'app', files: ['index.js'], gzipBytes: 7 },
    ]);
  });

  it('refuses a build without exactly one entry, or with a missing chunk', () => {
    expect(() => firstLoads([chunk('a.js', 1)])).toThrow('expected one entry chunk, found 0');
    expect(() =>
      firstLoads([chunk('index.js', 1, { isEntry: true, imports: ['gone.js'] })]),
    ).toThrow('the build has no chunk gone.js');
  });
});
