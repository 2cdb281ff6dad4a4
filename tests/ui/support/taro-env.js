// Each test file runs in its own module registry; the Taro runtime checks these at import time.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
process.env.FRAMEWORK = 'react';
