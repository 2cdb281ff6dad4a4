import '@testing-library/jest-dom';

const warn = console.warn.bind(console);

// NutUI's Form validates with async-validator, which also logs every failed rule to the console
// outside production builds; the tests assert the messages a user sees instead.
jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('async-validator:')) return;
  warn(...args);
});
