// What a Taro h5 build defines at compile time; the runtime and our code read them at import.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
process.env.FRAMEWORK = 'react';
