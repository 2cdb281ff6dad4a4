// Server suites start apps and hash passwords with scrypt: more than jest's 5 s default.
jest.setTimeout(30000);
