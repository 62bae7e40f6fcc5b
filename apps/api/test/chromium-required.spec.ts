import { requireChromium } from './support/chromium';

describe('the browser test without Chromium', () => {
  it('fails at once with one line saying how to get it', () => {
    expect(() => requireChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      'This browser test needs Chromium, not found at /nonexistent/chromium: install it (sudo apt-get install chromium; npm test does it when run as root) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  });

  it('finds it through CHROMIUM_PATH', () => {
    expect(requireChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });
});
