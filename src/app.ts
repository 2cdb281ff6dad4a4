import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { configure as configureIcons } from '@nutui/icons-react-taro';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import './app.scss';
import { startQueueSync, syncQueue } from './services/offline-queue';
import { watchSessionExpiry } from './services/session-expiry';

// NutUI icons render as <i>, which a mini-program cannot show; a view draws the same glyph.
if (process.env.TARO_ENV !== 'h5') {
  configureIcons({ tag: 'view' });
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    watchSessionExpiry();
    startQueueSync();
  });
  // Back in the foreground: the network may have come back while the app was hidden, when no
  // reconnect event reaches it.
  useDidShow(() => {
    syncQueue();
  });
  return children;
}

export default App;
