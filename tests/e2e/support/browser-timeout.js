// A browser test builds pages, starts Chromium and waits on real rendering.
jest.setTimeout(90000);
