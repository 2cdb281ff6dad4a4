import '@testing-library/jest-dom';
import { currentPage, installPageRuntime } from './page-runtime';

const warn = console.warn.bind(console);

// NutUI's Form validates with async-validator, which also logs every failed rule to the console
// outside production builds; the tests assert the messages a user sees instead.
jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('async-validator:')) return;
  warn(...args);
});

installPageRuntime();

afterEach(() => {
  currentPage.reset();
});

// jsdom has no media playback; Taro's Video calls load() when its source is set.
Object.defineProperty(HTMLMediaElement.prototype, 'load', { configurable: true, value: () => undefined });

// jsdom does not lay anything out, so nothing ever scrolls into view; Taro's lazily loaded Image
// watches for that with an IntersectionObserver, which jsdom lacks.
class NoIntersectionObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return [];
  }
}
Object.assign(globalThis, { IntersectionObserver: NoIntersectionObserver });
